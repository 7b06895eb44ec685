namespace Telephony.GrainInterfaces.Calls;

/// <summary>A call leg as its grain knows it, built from the provider's callbacks.</summary>
public sealed record CallLeg
{
    /// <summary>The provider carrying the leg.</summary>
    public ProviderKind Provider { get; init; }

    /// <summary>Our account id.</summary>
    public string? AccountId { get; init; }

    /// <summary>The provider's id of the leg.</summary>
    public string? CallId { get; init; }

    /// <summary>Caller.</summary>
    public string? From { get; init; }

    /// <summary>Called party.</summary>
    public string? To { get; init; }

    /// <summary>Which way the leg was placed.</summary>
    public CallDirection? Direction { get; init; }

    /// <summary>Where the leg is.</summary>
    public CallLegStatus Status { get; init; }

    /// <summary>Why it ended.</summary>
    public DisconnectCause? Cause { get; init; }

    /// <summary>The provider's error text, if any.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>The conference the leg is in, if any.</summary>
    public string? ConferenceName { get; init; }

    /// <summary>The provider's id of that conference, once a callback named it.</summary>
    public string? ConferenceId { get; init; }

    /// <summary>The session the leg belongs to, once one claimed it.</summary>
    public string? SessionId { get; init; }

    /// <summary>Whether the leg is on hold in its conference.</summary>
    public bool OnHold { get; init; }

    /// <summary>Whether the leg is muted in its conference.</summary>
    public bool Muted { get; init; }

    /// <summary>The events applied, in the order they took effect.</summary>
    public IReadOnlyList<CallEventType> History { get; init; } = [];
}
