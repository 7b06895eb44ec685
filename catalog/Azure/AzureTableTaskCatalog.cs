using System.Text.Json;
using Azure.Data.Tables;

namespace Telephony.Catalog.Azure;

/// <summary>
/// The task catalog in Azure Table storage: partition <c>t|{workspace}</c> holds a workspace's tasks, row key newest
/// first (see <see cref="TableKeys"/>); status and queue filter in the query. A task's creation time never changes, so
/// its row key is fixed; a save replaces the row only over an older version (<see cref="TableVersions"/>).
/// </summary>
public sealed class AzureTableTaskCatalog : ITaskCatalog
{
    private readonly CatalogTable _table;

    /// <summary>A catalog in <paramref name="tableName"/> of <paramref name="service"/>, created on first use.</summary>
    public AzureTableTaskCatalog(TableServiceClient service, string tableName)
    {
        ArgumentNullException.ThrowIfNull(service);
        _table = new CatalogTable(service, tableName);
    }

    /// <inheritdoc />
    public async Task<bool> SaveAsync(TaskEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var table = await _table.ReadyAsync(cancellationToken).ConfigureAwait(false);
        return await TableVersions.ReplaceIfNewerAsync(table, Entity(entry), entry.Version, static _ => Task.CompletedTask, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<CatalogPage<TaskEntry>> FindAsync(string workspaceSid, TaskFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        page.Validate();
        var table = await _table.ReadyAsync(cancellationToken).ConfigureAwait(false);
        var clauses = TablePages.Range(TableKeys.Partition("t", workspaceSid), page.After);
        if (filter.Status is { } status)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Status eq {status}"));
        }

        if (filter.QueueSid is { } queueSid)
        {
            clauses.Add(TableClient.CreateQueryFilter($"QueueSid eq {queueSid}"));
        }

        return await TablePages.ReadAsync(table, string.Join(" and ", clauses), static _ => true, Entry, static e => e.Position, page, cancellationToken).ConfigureAwait(false);
    }

    private static TableEntity Entity(TaskEntry entry)
    {
        var entity = new TableEntity(TableKeys.Partition("t", entry.WorkspaceSid), TableKeys.Row(entry.Position))
        {
            ["WorkspaceSid"] = entry.WorkspaceSid,
            ["Version"] = entry.Version,
            ["Status"] = entry.Status,
            ["QueueSid"] = entry.QueueSid,
            ["Priority"] = entry.Priority,
            ["ExcludedWorkerSids"] = JsonSerializer.Serialize(entry.ExcludedWorkerSids.ToArray(), CatalogJson.Default.StringArray),
        };
        TableDocuments.Write(entity, entry.Document);
        return entity;
    }

    private static TaskEntry Entry(TableEntity entity)
    {
        var position = TableKeys.Position(entity.RowKey);
        return new TaskEntry(
            entity.GetString("WorkspaceSid"),
            position.Id,
            entity.GetInt64("Version") ?? 0,
            new DateTimeOffset(position.Ticks, TimeSpan.Zero),
            entity.GetString("Status"),
            entity.GetString("QueueSid"),
            entity.GetInt32("Priority") ?? 0,
            JsonSerializer.Deserialize(entity.GetString("ExcludedWorkerSids") ?? "[]", CatalogJson.Default.StringArray) ?? [],
            TableDocuments.Read(entity));
    }
}
