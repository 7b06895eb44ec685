namespace Telephony.Catalog;

/// <summary>A task, worker or reservation as the routing catalog keeps it: what lists filter on, and the document they answer with.</summary>
/// <param name="Kind">What it is; lists hold one kind.</param>
/// <param name="WorkspaceSid">The workspace it belongs to.</param>
/// <param name="Sid">Its sid.</param>
/// <param name="Version">Its version; a newer one replaces an older, never the other way.</param>
/// <param name="DateCreated">When it was created; lists run newest first.</param>
/// <param name="Status">A task's assignment status, a worker's activity name, a reservation's status.</param>
/// <param name="GroupSid">The list of the workspace it falls in: a task's queue, a reservation's worker; none for a worker.</param>
/// <param name="Document">It as the API shows it (UTF-8 JSON), stored and returned as is.</param>
public sealed record RoutingEntry(
    RoutingKind Kind,
    string WorkspaceSid,
    string Sid,
    long Version,
    DateTimeOffset DateCreated,
    string Status,
    string? GroupSid,
    byte[] Document)
{
    /// <summary>A task's priority; the router offers higher first. Zero for other kinds.</summary>
    public int Priority { get; init; }

    /// <summary>The workers that rejected a task or let it time out, whom the router passes over. Empty for other kinds.</summary>
    public IReadOnlyList<string> ExcludedWorkerSids { get; init; } = [];

    /// <summary>Where it stands in a list's order.</summary>
    public CatalogPosition Position => new(DateCreated.UtcTicks, Sid);
}
