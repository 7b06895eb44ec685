namespace Telephony.Catalog;

/// <summary>
/// The routing tasks of every workspace as lists see them: a projection of the task grains' state, written by each
/// task after its own state, read a page at a time without loading any grain. A workspace's router rebuilds its
/// waiting list from the pending tasks here.
/// </summary>
public interface ITaskCatalog
{
    /// <summary>Stores <paramref name="entry"/> unless the catalog holds the same or a newer version of the task. True when stored.</summary>
    Task<bool> SaveAsync(TaskEntry entry, CancellationToken cancellationToken);

    /// <summary>One page of a workspace's tasks that pass <paramref name="filter"/>, newest first.</summary>
    Task<CatalogPage<TaskEntry>> FindAsync(string workspaceSid, TaskFilter filter, PageRequest page, CancellationToken cancellationToken);
}
