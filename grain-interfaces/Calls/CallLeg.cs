using Orleans;

namespace Telephony.GrainInterfaces.Calls;

/// <summary>A call leg as its grain knows it, built from the provider's callbacks.</summary>
[GenerateSerializer, Alias("telephony.CallLeg"), Immutable]
public sealed record CallLeg
{
    /// <summary>The provider carrying the leg.</summary>
    [Id(0)]
    public ProviderKind Provider { get; init; }

    /// <summary>Our account id.</summary>
    [Id(1)]
    public string? AccountId { get; init; }

    /// <summary>The provider's id of the leg.</summary>
    [Id(2)]
    public string? CallId { get; init; }

    /// <summary>Caller.</summary>
    [Id(3)]
    public string? From { get; init; }

    /// <summary>Called party.</summary>
    [Id(4)]
    public string? To { get; init; }

    /// <summary>Which way the leg was placed.</summary>
    [Id(5)]
    public CallDirection? Direction { get; init; }

    /// <summary>Where the leg is.</summary>
    [Id(6)]
    public CallLegStatus Status { get; init; }

    /// <summary>Why it ended.</summary>
    [Id(7)]
    public DisconnectCause? Cause { get; init; }

    /// <summary>The provider's error text, if any.</summary>
    [Id(8)]
    public string? ErrorMessage { get; init; }

    /// <summary>The conference the leg is in, if any.</summary>
    [Id(9)]
    public string? ConferenceName { get; init; }

    /// <summary>The provider's id of that conference, once a callback named it.</summary>
    [Id(10)]
    public string? ConferenceId { get; init; }

    /// <summary>The session the leg belongs to, once one claimed it.</summary>
    [Id(11)]
    public string? SessionId { get; init; }

    /// <summary>Whether the leg is on hold in its conference.</summary>
    [Id(12)]
    public bool OnHold { get; init; }

    /// <summary>Whether the leg is muted in its conference.</summary>
    [Id(13)]
    public bool Muted { get; init; }

    /// <summary>The events applied, in the order they took effect.</summary>
    [Id(14)]
    public IReadOnlyList<CallEventType> History { get; init; } = [];
}
