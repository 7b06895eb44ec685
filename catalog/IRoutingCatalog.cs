namespace Telephony.Catalog;

/// <summary>
/// The tasks, workers and reservations of every workspace as lists see them: a projection of their grains' state,
/// written by each grain after its own state, read a page at a time without loading any grain. A workspace's router
/// rebuilds its waiting list from the pending tasks here.
/// </summary>
public interface IRoutingCatalog
{
    /// <summary>Stores <paramref name="entry"/> unless the catalog holds the same or a newer version of it. True when stored.</summary>
    Task<bool> SaveAsync(RoutingEntry entry, CancellationToken cancellationToken);

    /// <summary>One page of a workspace's entries of <paramref name="kind"/> that pass <paramref name="filter"/>, newest first.</summary>
    Task<CatalogPage<RoutingEntry>> FindAsync(RoutingKind kind, string workspaceSid, RoutingFilter filter, PageRequest page, CancellationToken cancellationToken);
}
