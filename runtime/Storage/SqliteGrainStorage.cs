using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Telephony.Runtime.Storage;

/// <summary>
/// Grain storage in one SQLite file. Reads and writes from all grains go through one storage loop
/// on one connection: it takes whatever is waiting (up to <see cref="MaxBatch"/>), answers the
/// reads, then commits the writes in a single transaction, so many grains writing at once share the
/// cost of a commit; each write is still its own conditional statement.
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage, IAsyncDisposable
{
    /// <summary>Most operations taken together, and so most writes committed together.</summary>
    public const int MaxBatch = 64;

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly Channel<PendingOperation> _operations = Channel.CreateUnbounded<PendingOperation>(
        new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;

    /// <summary>Stores grain state in <paramref name="database"/>.</summary>
    public SqliteGrainStorage(SqliteDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _database.InitializeAsync(cancellationToken).ConfigureAwait(false);
        _loop ??= Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
    }

    /// <inheritdoc />
    public ValueTask<GrainStateRecord?> ReadAsync(GrainStateKey key, CancellationToken cancellationToken)
    {
        var read = new PendingRead(key);
        Enqueue(read);
        return new ValueTask<GrainStateRecord?>(read.Completion.Task.WaitAsync(cancellationToken));
    }

    /// <inheritdoc />
    public ValueTask<long> WriteAsync(GrainStateKey key, byte[]? payload, long? expectedVersion, CancellationToken cancellationToken)
    {
        var write = new PendingWrite(key, payload, expectedVersion);
        Enqueue(write);
        return new ValueTask<long>(write.Completion.Task.WaitAsync(cancellationToken));
    }

    /// <inheritdoc />
    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'grain_state'";
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 1;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    /// <summary>Finishes queued reads and writes and stops the storage loop.</summary>
    public async ValueTask DisposeAsync()
    {
        _operations.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private void Enqueue(PendingOperation operation)
    {
        if (_loop is null)
        {
            throw new InvalidOperationException("SQLite grain storage is not initialized.");
        }

        if (!_operations.Writer.TryWrite(operation))
        {
            throw new ObjectDisposedException(nameof(SqliteGrainStorage));
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var reads = new List<PendingRead>(MaxBatch);
        var writes = new List<PendingWrite>(MaxBatch);
        SqliteStorageSession? session = null;
        try
        {
            while (await _operations.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (reads.Count + writes.Count < MaxBatch && _operations.Reader.TryRead(out var operation))
                {
                    if (operation is PendingWrite write)
                    {
                        writes.Add(write);
                    }
                    else
                    {
                        reads.Add((PendingRead)operation);
                    }
                }

                // Reads taken with writes were asked for concurrently with them, so answering them from the state
                // before the batch's commit is as correct as after it, and a failed commit cannot have leaked into them.
                session = await ReadAsync(session, reads, cancellationToken).ConfigureAwait(false);
                session = await CommitAsync(session, writes, cancellationToken).ConfigureAwait(false);
                reads.Clear();
                writes.Clear();
            }
        }
        finally
        {
            session?.Dispose();
        }
    }

    private async Task<SqliteStorageSession?> ReadAsync(SqliteStorageSession? session, List<PendingRead> reads, CancellationToken cancellationToken)
    {
        foreach (var read in reads)
        {
            try
            {
                session ??= await SqliteStorageSession.OpenAsync(_database, cancellationToken).ConfigureAwait(false);
                read.Complete(session.Read(read.Key));
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Only this read fails; a fresh connection serves the next one in case this one is broken.
                read.Fail(e);
                session?.Dispose();
                session = null;
            }
        }

        return session;
    }

    private async Task<SqliteStorageSession?> CommitAsync(SqliteStorageSession? session, List<PendingWrite> writes, CancellationToken cancellationToken)
    {
        if (writes.Count == 0)
        {
            return session;
        }

        try
        {
            session ??= await SqliteStorageSession.OpenAsync(_database, cancellationToken).ConfigureAwait(false);
            var results = session.Commit(writes, _time.GetUtcNow().ToUnixTimeMilliseconds());
            for (var i = 0; i < writes.Count; i++)
            {
                writes[i].Complete(results[i]);
            }

            return session;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The transaction did not commit: none of its writes took effect. The loop keeps going, so one
            // bad batch (a full disk, a lost connection) fails its callers instead of stalling every later write.
            foreach (var write in writes)
            {
                write.Fail(e);
            }

            session?.Dispose();
            return null;
        }
    }
}
