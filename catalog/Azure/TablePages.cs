using Azure.Data.Tables;

namespace Telephony.Catalog.Azure;

/// <summary>Reads a page of a catalog table in list order (row key order), as every Azure Table catalog does.</summary>
internal static class TablePages
{
    /// <summary>
    /// The page <paramref name="query"/> answers: entities failing <paramref name="passes"/> (filters Azure Table cannot
    /// express) are passed over, the page's <see cref="PageRequest.Skip"/> entries skipped, and one entry past the page
    /// read to learn whether more follow.
    /// </summary>
    public static async Task<CatalogPage<T>> ReadAsync<T>(
        TableClient table,
        string query,
        Func<TableEntity, bool> passes,
        Func<TableEntity, T> read,
        Func<T, CatalogPosition> position,
        PageRequest page,
        CancellationToken cancellationToken)
    {
        var items = new List<T>(Math.Min(page.Size + 1, 1000));
        var skipped = 0;
        var perPage = Math.Clamp(page.Skip + page.Size + 1, 1, 1000);
        await foreach (var entity in table.QueryAsync<TableEntity>(query, maxPerPage: perPage, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!passes(entity))
            {
                continue;
            }

            if (skipped < page.Skip)
            {
                skipped++;
                continue;
            }

            items.Add(read(entity));
            if (items.Count > page.Size)
            {
                break;
            }
        }

        var more = items.Count > page.Size;
        if (more)
        {
            items.RemoveAt(page.Size);
        }

        return new CatalogPage<T>(items, more ? position(items[^1]) : null);
    }

    /// <summary>The filter of a partition's entries after <paramref name="after"/> (all of them when null).</summary>
    public static List<string> Range(string partition, CatalogPosition? after)
    {
        var clauses = new List<string> { TableClient.CreateQueryFilter($"PartitionKey eq {partition}") };
        if (after is { } position)
        {
            clauses.Add(TableClient.CreateQueryFilter($"RowKey gt {TableKeys.Row(position)}"));
        }

        return clauses;
    }
}
