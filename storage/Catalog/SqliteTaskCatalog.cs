using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Telephony.Catalog;

namespace Telephony.Storage.Catalog;

/// <summary>
/// The task catalog in the silo's SQLite file (see <see cref="SqliteCatalogStore"/> for how it writes and reads): table
/// <c>catalog_tasks</c>, with indexes in list order by workspace, by status and by queue.
/// </summary>
internal sealed class SqliteTaskCatalog(SqliteCatalogStore store) : ITaskCatalog
{
    private const string Columns = "workspace_sid, task_sid, version, created, status, queue_sid, priority, excluded_workers, document";

    /// <inheritdoc />
    public Task<bool> SaveAsync(TaskEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return store.CommitAsync(new PendingTaskEntry(entry, cancellationToken));
    }

    /// <inheritdoc />
    public Task<CatalogPage<TaskEntry>> FindAsync(string workspaceSid, TaskFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        page.Validate();
        var sql = new StringBuilder($"SELECT {Columns} FROM catalog_tasks WHERE workspace_sid = $workspace");
        var parameters = new List<SqliteParameter> { new("$workspace", workspaceSid) };
        if (filter.Status is { } status)
        {
            sql.Append(" AND status = $status");
            parameters.Add(new SqliteParameter("$status", status));
        }

        if (filter.QueueSid is { } queueSid)
        {
            sql.Append(" AND queue_sid = $queue");
            parameters.Add(new SqliteParameter("$queue", queueSid));
        }

        return Task.FromResult(store.ReadPage(sql, parameters, page, "", "task_sid", ReadEntry, static e => e.Position, cancellationToken));
    }

    private static TaskEntry ReadEntry(SqliteDataReader reader) =>
        new(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetInt64(2),
            new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero),
            reader.GetString(4),
            reader.GetString(5),
            reader.GetInt32(6),
            JsonSerializer.Deserialize(reader.GetString(7), CatalogJson.Default.StringArray) ?? [],
            (byte[])reader.GetValue(8));
}
