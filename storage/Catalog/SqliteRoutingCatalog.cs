using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Telephony.Catalog;

namespace Telephony.Storage.Catalog;

/// <summary>
/// The routing catalog in the silo's SQLite file (see <see cref="SqliteCatalogStore"/> for how it writes and reads): table
/// <c>catalog_routing</c>, with indexes in list order by workspace and kind, then by status, by group, and by both.
/// </summary>
internal sealed class SqliteRoutingCatalog(SqliteCatalogStore store) : IRoutingCatalog
{
    private const string Columns = "workspace_sid, kind, sid, version, created, status, group_sid, priority, excluded_workers, document";

    /// <inheritdoc />
    public Task<bool> SaveAsync(RoutingEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return store.CommitAsync(new PendingRoutingEntry(entry, cancellationToken));
    }

    /// <inheritdoc />
    public Task<CatalogPage<RoutingEntry>> FindAsync(RoutingKind kind, string workspaceSid, RoutingFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        page.Validate();
        var sql = new StringBuilder($"SELECT {Columns} FROM catalog_routing WHERE workspace_sid = $workspace AND kind = $kind");
        var parameters = new List<SqliteParameter> { new("$workspace", workspaceSid), new("$kind", RoutingKindNames.Of(kind)) };
        if (filter.Status is { } status)
        {
            sql.Append(" AND status = $status");
            parameters.Add(new SqliteParameter("$status", status));
        }

        if (filter.GroupSid is { } group)
        {
            sql.Append(" AND group_sid = $group");
            parameters.Add(new SqliteParameter("$group", group));
        }

        return Task.FromResult(store.ReadPage(sql, parameters, page, "", "sid", ReadEntry, static e => e.Position, cancellationToken));
    }

    private static RoutingEntry ReadEntry(SqliteDataReader reader) =>
        new(
            RoutingKindNames.Parse(reader.GetString(1)),
            reader.GetString(0),
            reader.GetString(2),
            reader.GetInt64(3),
            new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero),
            reader.GetString(5),
            reader.IsDBNull(6) ? null : reader.GetString(6),
            (byte[])reader.GetValue(9))
        {
            Priority = reader.GetInt32(7),
            ExcludedWorkerSids = JsonSerializer.Deserialize(reader.GetString(8), CatalogJson.Default.StringArray) ?? [],
        };
}
