using System.Text;
using Telephony.Catalog;
using Telephony.Testing;

namespace Telephony.Storage.Tests.Catalog;

/// <summary>The routing catalog contract on SQLite, and what only a file shows: its lists read through indexes, and a file of the first layout keeps its tasks.</summary>
public sealed class SqliteRoutingCatalogTests : RoutingCatalogContractTests, IDisposable
{
    private readonly SqliteCatalogFile _catalogs = new();

    [Fact]
    public void A_list_query_reads_through_an_index_in_list_order()
    {
        // Each plan searches an index from the page's start: no full scan and no temporary sort, whatever the history's size.
        const string Page = "ORDER BY created DESC, sid LIMIT 26";
        var plans = new[]
        {
            $"SELECT * FROM catalog_routing WHERE workspace_sid = 'w' AND kind = 'task' {Page}",
            $"SELECT * FROM catalog_routing WHERE workspace_sid = 'w' AND kind = 'task' AND status = 'pending' AND created <= 5 AND (created < 5 OR sid > 'x') {Page}",
            $"SELECT * FROM catalog_routing WHERE workspace_sid = 'w' AND kind = 'task' AND group_sid = 'q' {Page}",
            $"SELECT * FROM catalog_routing WHERE workspace_sid = 'w' AND kind = 'reservation' AND status = 'pending' AND group_sid = 'k' {Page}",
        };

        foreach (var sql in plans)
        {
            _catalogs.AssertSearchesAnIndexInOrder(sql);
        }
    }

    [Fact]
    public async Task Tasks_of_a_file_with_the_first_catalog_layout_move_into_the_routing_catalog()
    {
        await CloseAsync();
        using (var connection = SqliteFiles.Open(_catalogs.File.Path))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                DROP TABLE catalog_routing;
                CREATE TABLE catalog_tasks (
                    workspace_sid TEXT NOT NULL, task_sid TEXT NOT NULL, version INTEGER NOT NULL, created INTEGER NOT NULL,
                    status TEXT NOT NULL, queue_sid TEXT NOT NULL, priority INTEGER NOT NULL, excluded_workers TEXT NOT NULL,
                    document BLOB NOT NULL, PRIMARY KEY (workspace_sid, task_sid));
                INSERT INTO catalog_tasks VALUES ('WS1', 'WT1', 3, 638686692000000000, 'pending', 'WQ1', 4, '["WK1"]', X'7B7D');
                """;
            command.ExecuteNonQuery();
        }

        var reopened = await OpenAsync();

        var moved = Assert.Single((await reopened.FindAsync(RoutingKind.Task, "WS1", new RoutingFilter { Status = "pending", GroupSid = "WQ1" }, new PageRequest(10), default).Within()).Items);
        Assert.Equal(
            (RoutingKind.Task, "WT1", 3L, 638686692000000000L, 4, "WK1", "{}"),
            (moved.Kind, moved.Sid, moved.Version, moved.DateCreated.UtcTicks, moved.Priority, Assert.Single(moved.ExcludedWorkerSids), Encoding.UTF8.GetString(moved.Document)));
        using var check = SqliteFiles.Open(_catalogs.File.Path);
        using var tables = check.CreateCommand();
        tables.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'catalog_tasks'";
        Assert.Equal(0L, tables.ExecuteScalar());
    }

    /// <inheritdoc />
    public void Dispose() => _catalogs.Dispose();

    /// <inheritdoc />
    protected override Task<IRoutingCatalog> CreateAsync() => OpenAsync();

    /// <inheritdoc />
    protected override Task CloseAsync() => _catalogs.CloseAsync();

    private Task<IRoutingCatalog> OpenAsync() => _catalogs.OpenAsync<IRoutingCatalog>();
}
