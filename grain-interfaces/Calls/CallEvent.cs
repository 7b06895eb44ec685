namespace Telephony.GrainInterfaces.Calls;

/// <summary>
/// One provider callback, normalized. <see cref="EventId"/> identifies the provider's event so a
/// callback delivered twice has one effect; <see cref="Sequence"/> (when the provider numbers its
/// events) and <see cref="EventTime"/> order events so a late one never moves a call backwards.
/// </summary>
public sealed record CallEvent
{
    /// <summary>The provider that sent the callback.</summary>
    public required ProviderKind Provider { get; init; }

    /// <summary>Our account id (configuration <c>Telephony:Accounts:N:Id</c>).</summary>
    public required string AccountId { get; init; }

    /// <summary>What happened.</summary>
    public required CallEventType Type { get; init; }

    /// <summary>The provider's own name of the event (for example <c>in-progress</c> or <c>conferenceMemberJoin</c>).</summary>
    public required string ProviderEventType { get; init; }

    /// <summary>Stable identity of this provider event, for de-duplication.</summary>
    public required string EventId { get; init; }

    /// <summary>When the provider says it happened.</summary>
    public required DateTimeOffset EventTime { get; init; }

    /// <summary>The provider's sequence number for events of this call or conference, when it sends one.</summary>
    public long? Sequence { get; init; }

    /// <summary>The provider's id of the leg (Twilio CallSid, Bandwidth callId); null for conference-wide events.</summary>
    public string? ProviderCallId { get; init; }

    /// <summary>The leg this one was dialled from, when the provider says.</summary>
    public string? ParentCallId { get; init; }

    /// <summary>Caller (E.164, client or SIP address).</summary>
    public string? From { get; init; }

    /// <summary>Called party.</summary>
    public string? To { get; init; }

    /// <summary>Which way the leg was placed, when known.</summary>
    public CallDirection? Direction { get; init; }

    /// <summary>Why the leg ended (Disconnected and TransferCompleted/Disconnected only).</summary>
    public DisconnectCause? Cause { get; init; }

    /// <summary>The provider's error text, kept verbatim.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>The provider's error id or code.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The provider's conference id (Twilio ConferenceSid, Bandwidth conferenceId).</summary>
    public string? ConferenceId { get; init; }

    /// <summary>The conference's name (Twilio FriendlyName, Bandwidth name); ours are derived from the session.</summary>
    public string? ConferenceName { get; init; }

    /// <summary>Our tag or command id echoed back by the provider.</summary>
    public string? Tag { get; init; }

    /// <summary>Digits pressed or gathered.</summary>
    public string? Digits { get; init; }
}
