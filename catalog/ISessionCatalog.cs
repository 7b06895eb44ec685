namespace Telephony.Catalog;

/// <summary>
/// The sessions of every account as lists see them: a projection of the session grains' state, written by each
/// session after its own state, and queried a page at a time without loading any grain.
/// </summary>
public interface ISessionCatalog
{
    /// <summary>
    /// Stores <paramref name="entry"/> unless the catalog holds the same or a newer version of the session, so a
    /// replayed or late write never takes an entry back. True when it was stored.
    /// </summary>
    Task<bool> SaveAsync(SessionEntry entry, CancellationToken cancellationToken);

    /// <summary>One page of an account's sessions that pass <paramref name="filter"/>, newest first.</summary>
    Task<CatalogPage<SessionEntry>> FindAsync(string accountId, SessionFilter filter, PageRequest page, CancellationToken cancellationToken);

    /// <summary>How many of an account's sessions pass <paramref name="filter"/>; costs a pass over them.</summary>
    Task<int> CountAsync(string accountId, SessionFilter filter, CancellationToken cancellationToken);

    /// <summary>
    /// One page of an account's live sessions, newest first; only those of <paramref name="userId"/> when given. Costs
    /// in proportion to the live sessions, never to the account's history.
    /// </summary>
    Task<CatalogPage<SessionEntry>> FindLiveAsync(string accountId, string? userId, PageRequest page, CancellationToken cancellationToken);
}
