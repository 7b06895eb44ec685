using System.Text.Json.Serialization;
using Orleans;

namespace Telephony.GrainInterfaces.Calls;

/// <summary>
/// A call-control command for a provider. <see cref="CommandId"/> is stable across retries and
/// restarts: grains record it before sending and providers echo it back as a tag where they can.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$command")]
[JsonDerivedType(typeof(DialCommand), "dial")]
[JsonDerivedType(typeof(HangupCommand), "hangup")]
[JsonDerivedType(typeof(RedirectCommand), "redirect")]
[JsonDerivedType(typeof(RedirectToUrlCommand), "redirectToUrl")]
[JsonDerivedType(typeof(MoveToConferenceCommand), "moveToConference")]
[JsonDerivedType(typeof(UpdateParticipantCommand), "updateParticipant")]
[JsonDerivedType(typeof(RemoveParticipantCommand), "removeParticipant")]
[JsonDerivedType(typeof(EndConferenceCommand), "endConference")]
[JsonDerivedType(typeof(SendMessageCommand), "sendMessage")]
[GenerateSerializer, Alias("telephony.CallCommand"), Immutable]
public abstract record CallCommand
{
    /// <summary>Our id of this command.</summary>
    [Id(0)]
    public required string CommandId { get; init; }

    /// <summary>True when sending it twice has the effect of sending it once, so it may be retried blindly.</summary>
    public virtual bool IsIdempotent => true;
}

/// <summary>
/// Places a new outbound leg. On answer it joins <see cref="ConferenceName"/> when set, runs the instructions at
/// <see cref="Url"/> when set, and otherwise asks our voice webhook what to do.
/// </summary>
[GenerateSerializer, Alias("telephony.DialCommand"), Immutable]
public sealed record DialCommand : CallCommand
{
    /// <summary>Caller id to present (E.164).</summary>
    [Id(0)]
    public required string From { get; init; }

    /// <summary>Number or address to call.</summary>
    [Id(1)]
    public required string To { get; init; }

    /// <summary>Conference the answered leg joins; null for a plain call. Providers refuse a dial that sets both this and <see cref="Url"/>.</summary>
    [Id(2)]
    public string? ConferenceName { get; init; }

    /// <summary>
    /// Absolute http(s) URL whose TwiML or BXML the answered leg runs (TaskRouter's <c>call</c> instruction); null to ask our
    /// voice webhook. The leg's status callbacks still come to us either way.
    /// </summary>
    [Id(3)]
    public Uri? Url { get; init; }

    /// <summary>How long to ring before giving up, in seconds.</summary>
    [Id(4)]
    public int TimeoutSeconds { get; init; } = 30;

    /// <summary>Creating a call twice places two calls.</summary>
    public override bool IsIdempotent => false;
}

/// <summary>Ends a leg (hangs up if answered, cancels if ringing).</summary>
[GenerateSerializer, Alias("telephony.HangupCommand"), Immutable]
public sealed record HangupCommand : CallCommand
{
    /// <summary>The provider's id of the leg.</summary>
    [Id(0)]
    public required string CallId { get; init; }
}

/// <summary>Blind transfer: the leg leaves whatever it is doing and dials <see cref="Destination"/>.</summary>
[GenerateSerializer, Alias("telephony.RedirectCommand"), Immutable]
public sealed record RedirectCommand : CallCommand
{
    /// <summary>The leg to move.</summary>
    [Id(0)]
    public required string CallId { get; init; }

    /// <summary>Where it goes.</summary>
    [Id(1)]
    public required string Destination { get; init; }

    /// <summary>Caller id presented to the destination.</summary>
    [Id(2)]
    public string? CallerId { get; init; }
}

/// <summary>
/// Moves a live leg to the instructions at <see cref="Url"/> (TaskRouter's <c>redirect</c> instruction): it leaves what it
/// is doing (a conference, a dial, speech) and runs the TwiML or BXML found there.
/// </summary>
[GenerateSerializer, Alias("telephony.RedirectToUrlCommand"), Immutable]
public sealed record RedirectToUrlCommand : CallCommand
{
    /// <summary>The leg to move.</summary>
    [Id(0)]
    public required string CallId { get; init; }

    /// <summary>Absolute http(s) URL of the instructions the leg runs next.</summary>
    [Id(1)]
    public required Uri Url { get; init; }
}

/// <summary>Moves an existing leg into a named conference (creating it on first use).</summary>
[GenerateSerializer, Alias("telephony.MoveToConferenceCommand"), Immutable]
public sealed record MoveToConferenceCommand : CallCommand
{
    /// <summary>The leg to move.</summary>
    [Id(0)]
    public required string CallId { get; init; }

    /// <summary>The conference's name.</summary>
    [Id(1)]
    public required string ConferenceName { get; init; }

    /// <summary>Whether the conference ends when this leg leaves.</summary>
    [Id(2)]
    public bool EndConferenceOnExit { get; init; }
}

/// <summary>Holds, unholds, mutes or unmutes one participant of a conference, never the whole conference.</summary>
[GenerateSerializer, Alias("telephony.UpdateParticipantCommand"), Immutable]
public sealed record UpdateParticipantCommand : CallCommand
{
    /// <summary>The provider's conference id.</summary>
    [Id(0)]
    public required string ConferenceId { get; init; }

    /// <summary>The participant's leg.</summary>
    [Id(1)]
    public required string CallId { get; init; }

    /// <summary>New hold state; null leaves it.</summary>
    [Id(2)]
    public bool? Hold { get; init; }

    /// <summary>New mute state; null leaves it.</summary>
    [Id(3)]
    public bool? Muted { get; init; }
}

/// <summary>Takes one participant out of a conference (its leg ends).</summary>
[GenerateSerializer, Alias("telephony.RemoveParticipantCommand"), Immutable]
public sealed record RemoveParticipantCommand : CallCommand
{
    /// <summary>The provider's conference id.</summary>
    [Id(0)]
    public required string ConferenceId { get; init; }

    /// <summary>The participant's leg.</summary>
    [Id(1)]
    public required string CallId { get; init; }
}

/// <summary>Ends a conference and every leg in it.</summary>
[GenerateSerializer, Alias("telephony.EndConferenceCommand"), Immutable]
public sealed record EndConferenceCommand : CallCommand
{
    /// <summary>The provider's conference id.</summary>
    [Id(0)]
    public required string ConferenceId { get; init; }
}

/// <summary>Sends a text message (chat invitations by SMS).</summary>
[GenerateSerializer, Alias("telephony.SendMessageCommand"), Immutable]
public sealed record SendMessageCommand : CallCommand
{
    /// <summary>Sender number (E.164).</summary>
    [Id(0)]
    public required string From { get; init; }

    /// <summary>Recipient number (E.164).</summary>
    [Id(1)]
    public required string To { get; init; }

    /// <summary>Message text.</summary>
    [Id(2)]
    public required string Text { get; init; }

    /// <summary>Sending twice sends two messages.</summary>
    public override bool IsIdempotent => false;
}

/// <summary>What the provider answered to a command.</summary>
/// <param name="CallId">The leg the command created, for dial commands.</param>
/// <param name="ConferenceId">The provider's conference id, when the answer names one.</param>
[GenerateSerializer, Alias("telephony.CommandResult"), Immutable]
public sealed record CommandResult([Id(0)] string? CallId = null, [Id(1)] string? ConferenceId = null);
