namespace Telephony.GrainInterfaces.Calls;

/// <summary>A provider conference as its grain knows it.</summary>
public sealed record Conference
{
    /// <summary>Our name of the conference.</summary>
    public string? Name { get; init; }

    /// <summary>The provider's id of the conference.</summary>
    public string? ConferenceId { get; init; }

    /// <summary>Where the conference is.</summary>
    public ConferenceStatus Status { get; init; }

    /// <summary>The legs in it now.</summary>
    public IReadOnlyList<string> Members { get; init; } = [];

    /// <summary>The events applied, in the order they took effect.</summary>
    public IReadOnlyList<CallEventType> History { get; init; } = [];
}
