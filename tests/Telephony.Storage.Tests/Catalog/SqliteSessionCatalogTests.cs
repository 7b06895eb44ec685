using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Telephony.Catalog;
using Telephony.Storage.Catalog;
using Telephony.Testing;

namespace Telephony.Storage.Tests.Catalog;

/// <summary>The session catalog contract on SQLite, and what only a file shows: entries outlive the process.</summary>
public sealed class SqliteSessionCatalogTests : SessionCatalogContractTests
{
    private readonly TemporarySqliteFile _file = new();
    private ServiceProvider? _services;

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
            using var connection = SqliteFiles.Open(_file.Path);
            using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            using var reader = command.ExecuteReader();
            var steps = new List<string>();
            while (reader.Read())
            {
                steps.Add(reader.GetString(3));
            }

            Assert.DoesNotContain(steps, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
            Assert.All(steps, step => Assert.StartsWith("SEARCH", step, StringComparison.Ordinal));
        }
    }

    /// <inheritdoc />
    protected override Task<ISessionCatalog> CreateAsync() => OpenAsync();

    /// <inheritdoc />
    protected override async Task CloseAsync()
    {
        if (_services is { } services)
        {
            _services = null;
            await services.GetRequiredService<SqliteCatalogStore>().StopAsync(CancellationToken.None).Within();
            await services.DisposeAsync();
        }
    }

    private async Task<ISessionCatalog> OpenAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSqliteCatalogs(options => options.ConnectionString = _file.ConnectionString);
        _services = services.BuildServiceProvider();
        await _services.GetRequiredService<SqliteCatalogStore>().StartAsync(CancellationToken.None).Within();
        return _services.GetRequiredService<ISessionCatalog>();
    }
}
