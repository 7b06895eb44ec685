namespace Telephony.Catalog;

/// <summary>The kinds of routing object the routing catalog lists; each kind has lists of its own.</summary>
public enum RoutingKind
{
    /// <summary>A task waiting for, offered to or handled by workers.</summary>
    Task,

    /// <summary>A worker of the workspace.</summary>
    Worker,

    /// <summary>An offer of a task to a worker.</summary>
    Reservation,
}
