namespace Telephony.Catalog.Memory;

/// <summary>
/// The session catalog in this process's memory, for the memory store: what it holds is gone at restart, like the
/// grain state beside it. Each account keeps its sessions, its live sessions and each user's live sessions in list
/// order, so a page or a live list is read from where it starts.
/// </summary>
public sealed class MemorySessionCatalog : ISessionCatalog
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Account> _accounts = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<bool> SaveAsync(SessionEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!_accounts.TryGetValue(entry.AccountId, out var account))
            {
                _accounts[entry.AccountId] = account = new Account();
            }

            return Task.FromResult(account.Save(entry));
        }
    }

    /// <inheritdoc />
    public Task<CatalogPage<SessionEntry>> FindAsync(string accountId, SessionFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        page.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var account = _accounts.GetValueOrDefault(accountId);
            var list = filter.Ended == false ? account?.Live : account?.All;
            // No entry has an empty id, so the view from (the tick before, "") holds exactly the entries made before.
            var start = filter.CreatedBefore is { } before ? new CatalogPosition(before.UtcTicks - 1, string.Empty) : (CatalogPosition?)null;
            return Task.FromResult(Read(account, list, page, start, filter));
        }
    }

    /// <inheritdoc />
    public Task<int> CountAsync(string accountId, SessionFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult(_accounts.TryGetValue(accountId, out var account) ? account.Sessions.Values.Count(filter.Matches) : 0);
        }
    }

    /// <inheritdoc />
    public Task<CatalogPage<SessionEntry>> FindLiveAsync(string accountId, string? userId, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var account = _accounts.GetValueOrDefault(accountId);
            var list = userId is null ? account?.Live : account?.LiveByUser.GetValueOrDefault(CatalogText.AsciiLower(userId));
            return Task.FromResult(Read(account, list, page, start: null, filter: null));
        }
    }

    private static CatalogPage<SessionEntry> Read(Account? account, SortedSet<CatalogPosition>? list, PageRequest page, CatalogPosition? start, SessionFilter? filter) =>
        account is null
            ? new CatalogPage<SessionEntry>([], null)
            : MemoryPages.Read(
                list,
                id => account.Sessions[id],
                page,
                start,
                e => filter?.CreatedFrom is not { } earliest || e.DateCreated >= earliest,
                e => filter is null || filter.Matches(e),
                e => e.Position);

    /// <summary>One account's sessions, by id and in list order.</summary>
    private sealed class Account
    {
        public Dictionary<string, SessionEntry> Sessions { get; } = new(StringComparer.Ordinal);

        public SortedSet<CatalogPosition> All { get; } = [];

        public SortedSet<CatalogPosition> Live { get; } = [];

        public Dictionary<string, SortedSet<CatalogPosition>> LiveByUser { get; } = new(StringComparer.Ordinal);

        public bool Save(SessionEntry entry)
        {
            if (Sessions.TryGetValue(entry.SessionId, out var held))
            {
                if (held.Version >= entry.Version)
                {
                    return false;
                }

                Remove(held);
            }

            Sessions[entry.SessionId] = entry;
            All.Add(entry.Position);
            if (!entry.Ended)
            {
                Live.Add(entry.Position);
                foreach (var user in Users(entry))
                {
                    if (!LiveByUser.TryGetValue(user, out var sessions))
                    {
                        LiveByUser[user] = sessions = [];
                    }

                    sessions.Add(entry.Position);
                }
            }

            return true;
        }

        private void Remove(SessionEntry held)
        {
            All.Remove(held.Position);
            Live.Remove(held.Position);
            foreach (var user in Users(held))
            {
                if (LiveByUser.TryGetValue(user, out var sessions) && sessions.Remove(held.Position) && sessions.Count == 0)
                {
                    LiveByUser.Remove(user);
                }
            }
        }

        private static IEnumerable<string> Users(SessionEntry entry) => entry.Users.Select(CatalogText.AsciiLower).Distinct(StringComparer.Ordinal);
    }
}
