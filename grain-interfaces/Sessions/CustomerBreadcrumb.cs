namespace Telephony.GrainInterfaces.Sessions;

/// <summary>One step in the customer hierarchy a session belongs to.</summary>
public sealed record CustomerBreadcrumb
{
    /// <summary>The customer's id.</summary>
    public string? Id { get; init; }

    /// <summary>The customer's name.</summary>
    public string? Name { get; init; }
}
