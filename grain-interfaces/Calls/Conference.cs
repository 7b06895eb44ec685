using Orleans;

namespace Telephony.GrainInterfaces.Calls;

/// <summary>A provider conference as its grain knows it.</summary>
[GenerateSerializer, Alias("telephony.Conference"), Immutable]
public sealed record Conference
{
    /// <summary>Our name of the conference.</summary>
    [Id(0)]
    public string? Name { get; init; }

    /// <summary>The provider's id of the conference.</summary>
    [Id(1)]
    public string? ConferenceId { get; init; }

    /// <summary>Where the conference is.</summary>
    [Id(2)]
    public ConferenceStatus Status { get; init; }

    /// <summary>The legs in it now.</summary>
    [Id(3)]
    public IReadOnlyList<string> Members { get; init; } = [];

    /// <summary>The events applied, in the order they took effect.</summary>
    [Id(4)]
    public IReadOnlyList<CallEventType> History { get; init; } = [];
}
