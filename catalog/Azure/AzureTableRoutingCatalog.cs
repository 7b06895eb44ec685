using System.Text.Json;
using Azure.Data.Tables;

namespace Telephony.Catalog.Azure;

/// <summary>
/// The routing catalog in Azure Table storage. Each kind has a letter (<c>t</c> task, <c>w</c> worker, <c>r</c>
/// reservation) and four kinds of partition, each in list order by row key (see <see cref="TableKeys"/>):
/// <c>{k}|{workspace}</c> holds every entry of the kind, <c>{k}s|{workspace}|{status}</c> those in a status,
/// <c>{k}g|{workspace}|{group}</c> those of a group (a task's queue, a reservation's worker) and
/// <c>{k}gs|{workspace}|{group}|{status}</c> both, so every list, the pending tasks a router reads back among them, is
/// one range query on one partition and reads what it answers.
/// </summary>
/// <remarks>
/// An entry's creation time never changes, so its row key is fixed. A save reads the entry's row in the kind's
/// partition, returns if it holds the same or a newer version, writes the status and group rows the entry calls for and
/// removes those it no longer does, then replaces the entry's row on its ETag (another writer in between makes it start
/// again). A crash before the last step leaves the entry's row at the older version, so the repeated save redoes every
/// step.
/// </remarks>
public sealed class AzureTableRoutingCatalog : IRoutingCatalog
{
    private readonly CatalogTable _table;

    /// <summary>A catalog in <paramref name="tableName"/> of <paramref name="service"/>, created on first use.</summary>
    public AzureTableRoutingCatalog(TableServiceClient service, string tableName)
    {
        ArgumentNullException.ThrowIfNull(service);
        _table = new CatalogTable(service, tableName);
    }

    /// <inheritdoc />
    public async Task<bool> SaveAsync(RoutingEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var table = await _table.ReadyAsync(cancellationToken).ConfigureAwait(false);
        var row = TableKeys.Row(entry.Position);
        return await TableVersions.ReplaceIfNewerAsync(
            table,
            Entity(Partition(entry.Kind, entry.WorkspaceSid, new RoutingFilter()), row, entry),
            entry.Version,
            held => FollowAsync(entry, row, held, cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<CatalogPage<RoutingEntry>> FindAsync(RoutingKind kind, string workspaceSid, RoutingFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        page.Validate();
        var table = await _table.ReadyAsync(cancellationToken).ConfigureAwait(false);
        var query = string.Join(" and ", TablePages.Range(Partition(kind, workspaceSid, filter), page.After));
        return await TablePages.ReadAsync(table, query, static _ => true, entity => Entry(kind, entity), static e => e.Position, page, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the status and group rows <paramref name="entry"/> calls for and removes those the row it replaces called for.</summary>
    private async Task FollowAsync(RoutingEntry entry, string row, TableEntity? held, CancellationToken cancellationToken)
    {
        var wanted = Derived(entry.Kind, entry.WorkspaceSid, entry.Status, entry.GroupSid);
        IEnumerable<string> gone = held is null ? [] : Derived(entry.Kind, entry.WorkspaceSid, held.GetString("Status"), held.GetString("GroupSid")).Except(wanted, StringComparer.Ordinal);
        foreach (var partition in wanted)
        {
            await _table.Client.UpsertEntityAsync(Entity(partition, row, entry), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }

        foreach (var partition in gone)
        {
            await _table.DeleteAsync(partition, row, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The status and group partitions an entry of <paramref name="status"/> and <paramref name="group"/> has rows in.</summary>
    private static List<string> Derived(RoutingKind kind, string workspaceSid, string status, string? group)
    {
        List<string> partitions = [Partition(kind, workspaceSid, new RoutingFilter { Status = status })];
        if (group is not null)
        {
            partitions.Add(Partition(kind, workspaceSid, new RoutingFilter { GroupSid = group }));
            partitions.Add(Partition(kind, workspaceSid, new RoutingFilter { Status = status, GroupSid = group }));
        }

        return partitions;
    }

    /// <summary>The partition that holds exactly the entries that pass <paramref name="filter"/>.</summary>
    private static string Partition(RoutingKind kind, string workspaceSid, RoutingFilter filter)
    {
        var letter = kind switch
        {
            RoutingKind.Task => "t",
            RoutingKind.Worker => "w",
            _ => "r",
        };
        return filter switch
        {
            { Status: { } status, GroupSid: { } group } => TableKeys.Partition(letter + "gs", workspaceSid, group, status),
            { Status: { } status } => TableKeys.Partition(letter + "s", workspaceSid, status),
            { GroupSid: { } group } => TableKeys.Partition(letter + "g", workspaceSid, group),
            _ => TableKeys.Partition(letter, workspaceSid),
        };
    }

    private static TableEntity Entity(string partition, string row, RoutingEntry entry)
    {
        var entity = new TableEntity(partition, row)
        {
            ["WorkspaceSid"] = entry.WorkspaceSid,
            ["Version"] = entry.Version,
            ["Status"] = entry.Status,
            ["GroupSid"] = entry.GroupSid,
            ["Priority"] = entry.Priority,
            ["ExcludedWorkerSids"] = JsonSerializer.Serialize(entry.ExcludedWorkerSids.ToArray(), CatalogJson.Default.StringArray),
        };
        TableDocuments.Write(entity, entry.Document);
        return entity;
    }

    private static RoutingEntry Entry(RoutingKind kind, TableEntity entity)
    {
        var position = TableKeys.Position(entity.RowKey);
        return new RoutingEntry(
            kind,
            entity.GetString("WorkspaceSid"),
            position.Id,
            entity.GetInt64("Version") ?? 0,
            new DateTimeOffset(position.Ticks, TimeSpan.Zero),
            entity.GetString("Status"),
            entity.GetString("GroupSid"),
            TableDocuments.Read(entity))
        {
            Priority = entity.GetInt32("Priority") ?? 0,
            ExcludedWorkerSids = JsonSerializer.Deserialize(entity.GetString("ExcludedWorkerSids") ?? "[]", CatalogJson.Default.StringArray) ?? [],
        };
    }
}
