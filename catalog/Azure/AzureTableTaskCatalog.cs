using System.Net;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace Telephony.Catalog.Azure;

/// <summary>
/// The task catalog in Azure Table storage: partition <c>t|{workspace}</c> holds a workspace's tasks, row key newest
/// first (see <see cref="TableKeys"/>); status and queue filter in the query. A task's creation time never changes, so
/// its row key is fixed, and a save replaces the row on its ETag only over an older version.
/// </summary>
public sealed class AzureTableTaskCatalog : ITaskCatalog
{
    private const int MaxAttempts = 5;

    private readonly TableClient _table;
    private readonly Lazy<Task> _created;

    /// <summary>A catalog in <paramref name="tableName"/> of <paramref name="service"/>, created on first use.</summary>
    public AzureTableTaskCatalog(TableServiceClient service, string tableName)
    {
        ArgumentNullException.ThrowIfNull(service);
        _table = service.GetTableClient(tableName);
        _created = new Lazy<Task>(() => _table.CreateIfNotExistsAsync());
    }

    /// <inheritdoc />
    public async Task<bool> SaveAsync(TaskEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await _created.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        var entity = Entity(entry);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await _table.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (stored.HasValue && stored.Value!.GetInt64("Version") >= entry.Version)
            {
                return false;
            }

            try
            {
                await (stored.HasValue
                    ? _table.UpdateEntityAsync(entity, stored.Value!.ETag, TableUpdateMode.Replace, cancellationToken)
                    : _table.AddEntityAsync(entity, cancellationToken)).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException e) when (attempt < MaxAttempts && e.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
            {
                // Another writer stored the task meanwhile: read again, which decides whose version stays.
            }
        }
    }

    /// <inheritdoc />
    public async Task<CatalogPage<TaskEntry>> FindAsync(string workspaceSid, TaskFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        page.Validate();
        await _created.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        var clauses = TablePages.Range(TableKeys.Partition("t", workspaceSid), page.After);
        if (filter.Status is { } status)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Status eq {status}"));
        }

        if (filter.QueueSid is { } queueSid)
        {
            clauses.Add(TableClient.CreateQueryFilter($"QueueSid eq {queueSid}"));
        }

        return await TablePages.ReadAsync(_table, string.Join(" and ", clauses), static _ => true, Entry, static e => e.Position, page, cancellationToken).ConfigureAwait(false);
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
