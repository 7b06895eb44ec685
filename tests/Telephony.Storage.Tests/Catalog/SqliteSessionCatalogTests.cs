using Telephony.Catalog;
using Telephony.Testing;

namespace Telephony.Storage.Tests.Catalog;

/// <summary>The session catalog contract on SQLite, and what only a file shows: entries outlive the process.</summary>
public sealed class SqliteSessionCatalogTests : SessionCatalogContractTests, IDisposable
{
    private readonly SqliteCatalogFile _catalogs = new();

    [Fact]
    public async Task Entries_are_there_after_the_catalog_reopens_the_file()
    {
        await Catalog.SaveAsync(Entry("s1", minutes: 1, version: 2), default).Within();
        await CloseAsync();

        var reopened = await OpenAsync();

        var stored = Assert.Single((await reopened.FindAsync("acct", new SessionFilter(), new PageRequest(10), default).Within()).Items);
        Assert.Equal(2, stored.Version);
        Assert.False(await reopened.SaveAsync(Entry("s1", minutes: 1, version: 1), default).Within());
    }

    [Fact]
    public async Task A_list_query_reads_through_an_index_in_list_order()
    {
        // Each plan searches an index from the page's start: no full scan and no temporary sort, whatever the history's size.
        var plans = new[]
        {
            "SELECT * FROM catalog_sessions WHERE account_id = 'a' ORDER BY created DESC, session_id LIMIT 26",
            "SELECT * FROM catalog_sessions WHERE account_id = 'a' AND ended = 0 ORDER BY created DESC, session_id LIMIT 26",
            "SELECT * FROM catalog_sessions WHERE account_id = 'a' AND created <= 5 AND (created < 5 OR session_id > 'x') ORDER BY created DESC, session_id LIMIT 26",
            "SELECT * FROM catalog_sessions WHERE account_id = 'a' AND ended = 1 AND channel = 'Voice' ORDER BY created DESC, session_id LIMIT 26",
            "SELECT * FROM catalog_live_session_users WHERE account_id = 'a' AND user_id = 'u' AND created <= 5 AND (created < 5 OR session_id > 'x') ORDER BY created DESC, session_id LIMIT 26",
        };

        foreach (var sql in plans)
        {
            _catalogs.AssertSearchesAnIndexInOrder(sql);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _catalogs.Dispose();

    /// <inheritdoc />
    protected override Task<ISessionCatalog> CreateAsync() => OpenAsync();

    /// <inheritdoc />
    protected override Task CloseAsync() => _catalogs.CloseAsync();

    private Task<ISessionCatalog> OpenAsync() => _catalogs.OpenAsync<ISessionCatalog>();
}
