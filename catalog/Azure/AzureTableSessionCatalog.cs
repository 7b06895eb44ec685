using System.Text.Json;
using Azure.Data.Tables;

namespace Telephony.Catalog.Azure;

/// <summary>
/// The session catalog in Azure Table storage, for a cluster. One table, three kinds of partition, each in list order
/// by row key (see <see cref="TableKeys"/>): <c>s|{account}</c> holds every session of an account, <c>l|{account}</c>
/// its live ones and <c>u|{account}|{user}</c> each user's live ones. Live and user rows are copies of the session's
/// row, written before it and removed when the session ends, so every list is one range query on one partition.
/// </summary>
/// <remarks>
/// A session's creation time never changes, so its row key is fixed. A save reads the session's row, returns if it
/// holds the same or a newer version, brings the live and user rows in line, then replaces the session's row on its
/// ETag (another writer in between makes it start again). A crash before the last step leaves the session's row at
/// the older version, so the repeated save redoes every step.
/// </remarks>
public sealed class AzureTableSessionCatalog : ISessionCatalog
{
    private readonly CatalogTable _table;

    /// <summary>A catalog in <paramref name="tableName"/> of <paramref name="service"/>, created on first use.</summary>
    public AzureTableSessionCatalog(TableServiceClient service, string tableName)
    {
        ArgumentNullException.ThrowIfNull(service);
        _table = new CatalogTable(service, tableName);
    }

    /// <inheritdoc />
    public async Task<bool> SaveAsync(SessionEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var table = await _table.ReadyAsync(cancellationToken).ConfigureAwait(false);
        return await TableVersions.ReplaceIfNewerAsync(
            table,
            Entity(TableKeys.Partition("s", entry.AccountId), TableKeys.Row(entry.Position), entry),
            entry.Version,
            held => FollowAsync(entry, held is null || held.GetBoolean("Ended") == true ? [] : Users(held), cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<CatalogPage<SessionEntry>> FindAsync(string accountId, SessionFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        page.Validate();
        var partition = TableKeys.Partition(filter.Ended == false ? "l" : "s", accountId);
        return await ReadPageAsync(Query(partition, filter, page.After), filter, page, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<int> CountAsync(string accountId, SessionFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var table = await _table.ReadyAsync(cancellationToken).ConfigureAwait(false);
        var partition = TableKeys.Partition(filter.Ended == false ? "l" : "s", accountId);
        var count = 0;
        await foreach (var entity in table.QueryAsync<TableEntity>(Query(partition, filter, after: null), maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            count += Passes(entity, filter) ? 1 : 0;
        }

        return count;
    }

    /// <inheritdoc />
    public async Task<CatalogPage<SessionEntry>> FindLiveAsync(string accountId, string? userId, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.Validate();
        var partition = userId is null ? TableKeys.Partition("l", accountId) : TableKeys.Partition("u", accountId, CatalogText.AsciiLower(userId));
        return await ReadPageAsync(Query(partition, new SessionFilter(), page.After), new SessionFilter(), page, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the live and user rows the entry calls for and removes those it no longer does.</summary>
    private async Task FollowAsync(SessionEntry entry, IReadOnlyList<string> previousUsers, CancellationToken cancellationToken)
    {
        var row = TableKeys.Row(entry.Position);
        var users = entry.Users.Select(CatalogText.AsciiLower).Distinct(StringComparer.Ordinal).ToList();
        var live = TableKeys.Partition("l", entry.AccountId);
        if (entry.Ended)
        {
            await _table.DeleteAsync(live, row, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _table.Client.UpsertEntityAsync(Entity(live, row, entry), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }

        foreach (var user in users)
        {
            var partition = TableKeys.Partition("u", entry.AccountId, user);
            await (entry.Ended
                ? _table.DeleteAsync(partition, row, cancellationToken)
                : _table.Client.UpsertEntityAsync(Entity(partition, row, entry), TableUpdateMode.Replace, cancellationToken)).ConfigureAwait(false);
        }

        foreach (var gone in previousUsers.Select(CatalogText.AsciiLower).Except(users, StringComparer.Ordinal))
        {
            await _table.DeleteAsync(TableKeys.Partition("u", entry.AccountId, gone), row, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads a page in list order: the query ranges over row keys (times and the continuation), the store filters on
    /// ended and channel, and the address filters, which Azure Table cannot express, are applied to what comes back.
    /// </summary>
    private async Task<CatalogPage<SessionEntry>> ReadPageAsync(string query, SessionFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var table = await _table.ReadyAsync(cancellationToken).ConfigureAwait(false);
        return await TablePages.ReadAsync(table, query, entity => Passes(entity, filter), entity => Entry(entity), static e => e.Position, page, cancellationToken).ConfigureAwait(false);
    }

    private static string Query(string partition, SessionFilter filter, CatalogPosition? after)
    {
        var clauses = TablePages.Range(partition, after);
        if (filter.CreatedBefore is { } before)
        {
            clauses.Add(TableClient.CreateQueryFilter($"RowKey ge {TableKeys.TimePrefix(before.UtcTicks - 1)}"));
        }

        if (filter.CreatedFrom is { } from)
        {
            clauses.Add(TableClient.CreateQueryFilter($"RowKey lt {TableKeys.TimePrefix(from.UtcTicks - 1)}"));
        }

        if (filter.Ended == true)
        {
            clauses.Add("Ended eq true");
        }

        if (filter.Channel is { } channel)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Channel eq {channel}"));
        }

        return string.Join(" and ", clauses);
    }

    private static bool Passes(TableEntity entity, SessionFilter filter) => filter.Matches(Entry(entity, withDocument: false));

    private static TableEntity Entity(string partition, string row, SessionEntry entry)
    {
        var entity = new TableEntity(partition, row)
        {
            ["AccountId"] = entry.AccountId,
            ["Version"] = entry.Version,
            ["Ended"] = entry.Ended,
            ["Channel"] = entry.Channel,
            ["FromAddress"] = entry.FromAddress,
            ["ToAddress"] = entry.ToAddress,
            ["Users"] = JsonSerializer.Serialize(entry.Users.ToArray(), CatalogJson.Default.StringArray),
        };
        TableDocuments.Write(entity, entry.Document);
        return entity;
    }

    private static SessionEntry Entry(TableEntity entity, bool withDocument = true)
    {
        var position = TableKeys.Position(entity.RowKey);
        return new SessionEntry(
            entity.GetString("AccountId"),
            position.Id,
            entity.GetInt64("Version") ?? 0,
            new DateTimeOffset(position.Ticks, TimeSpan.Zero),
            entity.GetBoolean("Ended") ?? false,
            entity.GetString("Channel"),
            entity.GetString("FromAddress"),
            entity.GetString("ToAddress"),
            Users(entity),
            withDocument ? TableDocuments.Read(entity) : []);
    }

    private static string[] Users(TableEntity entity) =>
        JsonSerializer.Deserialize(entity.GetString("Users") ?? "[]", CatalogJson.Default.StringArray) ?? [];
}
