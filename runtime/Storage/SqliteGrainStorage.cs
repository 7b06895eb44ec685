using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Telephony.Runtime.Diagnostics;

namespace Telephony.Runtime.Storage;

/// <summary>
/// Grain storage in one SQLite file. Writes from all grains go through one writer that commits
/// whatever is waiting (up to <see cref="MaxBatch"/>) in a single transaction, so many grains
/// writing at once share the cost of a commit; each write is still its own conditional statement.
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage, IAsyncDisposable
{
    /// <summary>Most writes committed together.</summary>
    public const int MaxBatch = 64;

    private const string InsertSql = """
        INSERT INTO grain_state (grain_type, grain_id, state_name, version, payload, updated_at)
        VALUES ($type, $id, $name, 1, $payload, $updated)
        ON CONFLICT (grain_type, grain_id, state_name) DO NOTHING
        """;

    private const string UpdateSql = """
        UPDATE grain_state SET version = version + 1, payload = $payload, updated_at = $updated
        WHERE grain_type = $type AND grain_id = $id AND state_name = $name AND version = $version
        """;

    private const string ReadSql = """
        SELECT version, payload FROM grain_state
        WHERE grain_type = $type AND grain_id = $id AND state_name = $name
        """;

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly Channel<PendingWrite> _writes = Channel.CreateUnbounded<PendingWrite>(
        new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private Task? _writer;

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
        _writer ??= Task.Run(() => WriteLoopAsync(_stopping.Token), CancellationToken.None);
    }

    /// <inheritdoc />
    public async ValueTask<GrainStateRecord?> ReadAsync(GrainStateKey key, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = ReadSql;
        AddKey(command, key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        GrainStateRecord? record = null;
        if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var payload = reader.IsDBNull(1) ? null : (byte[])reader.GetValue(1);
            record = new GrainStateRecord(payload, reader.GetInt64(0));
        }

        RuntimeMetrics.RecordStorage("read", started);
        return record;
    }

    /// <inheritdoc />
    public ValueTask<long> WriteAsync(GrainStateKey key, byte[]? payload, long? expectedVersion, CancellationToken cancellationToken)
    {
        if (_writer is null)
        {
            throw new InvalidOperationException("SQLite grain storage is not initialized.");
        }

        var write = new PendingWrite(key, payload, expectedVersion, Stopwatch.GetTimestamp());
        if (!_writes.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(SqliteGrainStorage));
        }

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

    /// <summary>Finishes queued writes and stops the writer.</summary>
    public async ValueTask DisposeAsync()
    {
        _writes.Writer.TryComplete();
        if (_writer is not null)
        {
            await _writer.ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private static void AddKey(SqliteCommand command, GrainStateKey key)
    {
        command.Parameters.AddWithValue("$type", key.GrainType);
        command.Parameters.AddWithValue("$id", key.GrainId);
        command.Parameters.AddWithValue("$name", key.StateName);
    }

    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        var batch = new List<PendingWrite>(MaxBatch);
        SqliteConnection? connection = null;
        try
        {
            while (await _writes.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (batch.Count < MaxBatch && _writes.Reader.TryRead(out var write))
                {
                    batch.Add(write);
                }

                try
                {
                    connection ??= await _database.OpenForWritingAsync(cancellationToken).ConfigureAwait(false);
                    var results = CommitBatch(connection, batch);
                    for (var i = 0; i < batch.Count; i++)
                    {
                        batch[i].Complete(results[i]);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // The transaction did not commit: none of its writes took effect. The writer keeps going, so one
                    // bad batch (a full disk, a lost connection) fails its callers instead of stalling every later write.
                    foreach (var write in batch)
                    {
                        write.Completion.TrySetException(e);
                    }

                    connection?.Dispose();
                    connection = null;
                }

                batch.Clear();
            }
        }
        finally
        {
            connection?.Dispose();
        }
    }

    private long?[] CommitBatch(SqliteConnection connection, List<PendingWrite> batch)
    {
        var results = new long?[batch.Count];
        var updated = _time.GetUtcNow().ToUnixTimeMilliseconds();
        using var transaction = connection.BeginTransaction();
        using var insert = Prepare(connection, transaction, InsertSql);
        using var update = Prepare(connection, transaction, UpdateSql);
        update.Parameters.Add("$version", SqliteType.Integer);
        for (var i = 0; i < batch.Count; i++)
        {
            var write = batch[i];
            var command = write.ExpectedVersion is null ? insert : update;
            command.Parameters["$type"].Value = write.Key.GrainType;
            command.Parameters["$id"].Value = write.Key.GrainId;
            command.Parameters["$name"].Value = write.Key.StateName;
            command.Parameters["$payload"].Value = (object?)write.Payload ?? DBNull.Value;
            command.Parameters["$updated"].Value = updated;
            if (write.ExpectedVersion is { } expected)
            {
                command.Parameters["$version"].Value = expected;
            }

            results[i] = command.ExecuteNonQuery() == 1 ? (write.ExpectedVersion ?? 0) + 1 : null;
        }

        transaction.Commit();
        return results;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.Add("$type", SqliteType.Text);
        command.Parameters.Add("$id", SqliteType.Text);
        command.Parameters.Add("$name", SqliteType.Text);
        command.Parameters.Add("$payload", SqliteType.Blob);
        command.Parameters.Add("$updated", SqliteType.Integer);
        return command;
    }

    private sealed class PendingWrite(GrainStateKey key, byte[]? payload, long? expectedVersion, long started)
    {
        public GrainStateKey Key { get; } = key;

        public byte[]? Payload { get; } = payload;

        public long? ExpectedVersion { get; } = expectedVersion;

        public TaskCompletionSource<long> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Complete(long? version)
        {
            RuntimeMetrics.RecordStorage("write", started);
            if (version is { } committed)
            {
                Completion.TrySetResult(committed);
            }
            else
            {
                Completion.TrySetException(StorageConflict.Create(Key, ExpectedVersion, null));
            }
        }
    }
}
