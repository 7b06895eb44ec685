using Orleans;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary>One step in the customer hierarchy a session belongs to.</summary>
[GenerateSerializer, Alias("telephony.CustomerBreadcrumb"), Immutable]
public sealed record CustomerBreadcrumb
{
    /// <summary>The customer's id.</summary>
    [Id(0)]
    public string? Id { get; init; }

    /// <summary>The customer's name.</summary>
    [Id(1)]
    public string? Name { get; init; }
}
