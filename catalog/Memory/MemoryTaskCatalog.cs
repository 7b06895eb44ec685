namespace Telephony.Catalog.Memory;

/// <summary>The task catalog in this process's memory, for the memory store: gone at restart, like the grain state beside it.</summary>
public sealed class MemoryTaskCatalog : ITaskCatalog
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Workspace> _workspaces = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<bool> SaveAsync(TaskEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!_workspaces.TryGetValue(entry.WorkspaceSid, out var workspace))
            {
                _workspaces[entry.WorkspaceSid] = workspace = new Workspace();
            }

            if (workspace.Tasks.TryGetValue(entry.TaskSid, out var held) && held.Version >= entry.Version)
            {
                return Task.FromResult(false);
            }

            workspace.Tasks[entry.TaskSid] = entry;
            workspace.All.Add(entry.Position);
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<CatalogPage<TaskEntry>> FindAsync(string workspaceSid, TaskFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        page.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult(_workspaces.TryGetValue(workspaceSid, out var workspace)
                ? MemoryPages.Read(workspace.All, id => workspace.Tasks[id], page, start: null, static _ => true, filter.Matches, static e => e.Position)
                : new CatalogPage<TaskEntry>([], null));
        }
    }

    /// <summary>One workspace's tasks, by sid and in list order (a task's creation time never changes).</summary>
    private sealed class Workspace
    {
        public Dictionary<string, TaskEntry> Tasks { get; } = new(StringComparer.Ordinal);

        public SortedSet<CatalogPosition> All { get; } = [];
    }
}
