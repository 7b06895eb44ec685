using System.Net;
using Azure;
using Azure.Data.Tables;

namespace Telephony.Catalog.Azure;

/// <summary>A catalog's table, created on first use; a failed creation (the service not reachable yet) is tried again on the next use.</summary>
internal sealed class CatalogTable(TableServiceClient service, string tableName)
{
    private readonly Lock _lock = new();
    private Task? _created;

    /// <summary>The table's client.</summary>
    public TableClient Client { get; } = service.GetTableClient(tableName);

    /// <summary>The table's client, once the table exists.</summary>
    public async Task<TableClient> ReadyAsync(CancellationToken cancellationToken)
    {
        Task created;
        lock (_lock)
        {
            if (_created is null or { IsFaulted: true } or { IsCanceled: true })
            {
                _created = Client.CreateIfNotExistsAsync(CancellationToken.None);
            }

            created = _created;
        }

        await created.WaitAsync(cancellationToken).ConfigureAwait(false);
        return Client;
    }

    /// <summary>Removes a row whatever its ETag; a row already gone is no error.</summary>
    public async Task DeleteAsync(string partition, string row, CancellationToken cancellationToken)
    {
        try
        {
            await Client.DeleteEntityAsync(partition, row, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            // Already gone: what the caller wanted.
        }
    }
}
