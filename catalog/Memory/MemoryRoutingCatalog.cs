namespace Telephony.Catalog.Memory;

/// <summary>The routing catalog in this process's memory, for the memory store: gone at restart, like the grain state beside it.</summary>
public sealed class MemoryRoutingCatalog : IRoutingCatalog
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(RoutingKind, string), Kept> _lists = [];

    /// <inheritdoc />
    public Task<bool> SaveAsync(RoutingEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!_lists.TryGetValue((entry.Kind, entry.WorkspaceSid), out var kept))
            {
                _lists[(entry.Kind, entry.WorkspaceSid)] = kept = new Kept();
            }

            if (kept.Entries.TryGetValue(entry.Sid, out var held) && held.Version >= entry.Version)
            {
                return Task.FromResult(false);
            }

            kept.Entries[entry.Sid] = entry;
            kept.All.Add(entry.Position);
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<CatalogPage<RoutingEntry>> FindAsync(RoutingKind kind, string workspaceSid, RoutingFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        page.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult(_lists.TryGetValue((kind, workspaceSid), out var kept)
                ? MemoryPages.Read(kept.All, id => kept.Entries[id], page, start: null, static _ => true, filter.Matches, static e => e.Position)
                : new CatalogPage<RoutingEntry>([], null));
        }
    }

    /// <summary>One workspace's entries of one kind, by sid and in list order (a creation time never changes).</summary>
    private sealed class Kept
    {
        public Dictionary<string, RoutingEntry> Entries { get; } = new(StringComparer.Ordinal);

        public SortedSet<CatalogPosition> All { get; } = [];
    }
}
