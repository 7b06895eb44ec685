using Orleans;

namespace Telephony.GrainInterfaces.Calls;

/// <summary>
/// One provider callback, normalized. <see cref="EventId"/> identifies the provider's event so a
/// callback delivered twice has one effect; <see cref="Sequence"/> (when the provider numbers its
/// events) and <see cref="EventTime"/> order events so a late one never moves a call backwards.
/// </summary>
[GenerateSerializer, Alias("telephony.CallEvent"), Immutable]
public sealed record CallEvent
{
    /// <summary>The provider that sent the callback.</summary>
    [Id(0)]
    public required ProviderKind Provider { get; init; }

    /// <summary>Our account id (configuration <c>Telephony:Accounts:N:Id</c>).</summary>
    [Id(1)]
    public required string AccountId { get; init; }

    /// <summary>What happened.</summary>
    [Id(2)]
    public required CallEventType Type { get; init; }

    /// <summary>The provider's own name of the event (for example <c>in-progress</c> or <c>conferenceMemberJoin</c>).</summary>
    [Id(3)]
    public required string ProviderEventType { get; init; }

    /// <summary>Stable identity of this provider event, for de-duplication.</summary>
    [Id(4)]
    public required string EventId { get; init; }

    /// <summary>When the provider says it happened.</summary>
    [Id(5)]
    public required DateTimeOffset EventTime { get; init; }

    /// <summary>The provider's sequence number for events of this call or conference, when it sends one.</summary>
    [Id(6)]
    public long? Sequence { get; init; }

    /// <summary>The provider's id of the leg (Twilio CallSid, Bandwidth callId); null for conference-wide events.</summary>
    [Id(7)]
    public string? ProviderCallId { get; init; }

    /// <summary>The leg this one was dialled from, when the provider says.</summary>
    [Id(8)]
    public string? ParentCallId { get; init; }

    /// <summary>Caller (E.164, client or SIP address).</summary>
    [Id(9)]
    public string? From { get; init; }

    /// <summary>Called party.</summary>
    [Id(10)]
    public string? To { get; init; }

    /// <summary>Which way the leg was placed, when known.</summary>
    [Id(11)]
    public CallDirection? Direction { get; init; }

    /// <summary>Why the leg ended (Disconnected and TransferCompleted/Disconnected only).</summary>
    [Id(12)]
    public DisconnectCause? Cause { get; init; }

    /// <summary>The provider's error text, kept verbatim.</summary>
    [Id(13)]
    public string? ErrorMessage { get; init; }

    /// <summary>The provider's error id or code.</summary>
    [Id(14)]
    public string? ErrorCode { get; init; }

    /// <summary>The provider's conference id (Twilio ConferenceSid, Bandwidth conferenceId).</summary>
    [Id(15)]
    public string? ConferenceId { get; init; }

    /// <summary>The conference's name (Twilio FriendlyName, Bandwidth name); ours are derived from the session.</summary>
    [Id(16)]
    public string? ConferenceName { get; init; }

    /// <summary>Our tag or command id echoed back by the provider.</summary>
    [Id(17)]
    public string? Tag { get; init; }

    /// <summary>Digits pressed or gathered.</summary>
    [Id(18)]
    public string? Digits { get; init; }
}
