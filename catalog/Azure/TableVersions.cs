using System.Net;
using Azure;
using Azure.Data.Tables;

namespace Telephony.Catalog.Azure;

/// <summary>How every Azure Table catalog stores an entry: only over an older version, and on the ETag it read.</summary>
internal static class TableVersions
{
    private const int MaxAttempts = 5;

    /// <summary>
    /// Reads the row of <paramref name="entity"/>; if it holds a version older than <paramref name="version"/> (or there is
    /// none), runs <paramref name="beforeWrite"/> with what it held, then adds or replaces the row on the ETag it read.
    /// Another writer in between makes it start again, and the row read then decides whose version stays. True when
    /// <paramref name="entity"/> was stored.
    /// </summary>
    public static async Task<bool> ReplaceIfNewerAsync(
        TableClient table,
        TableEntity entity,
        long version,
        Func<TableEntity?, Task> beforeWrite,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await table.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            var held = stored.HasValue ? stored.Value : null;
            if (held is not null && held.GetInt64("Version") >= version)
            {
                return false;
            }

            await beforeWrite(held).ConfigureAwait(false);
            try
            {
                await (held is null
                    ? table.AddEntityAsync(entity, cancellationToken)
                    : table.UpdateEntityAsync(entity, held.ETag, TableUpdateMode.Replace, cancellationToken)).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException e) when (attempt < MaxAttempts && e.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
            {
                // Another writer stored the entry meanwhile: read again.
            }
        }
    }
}
