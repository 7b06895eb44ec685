using Microsoft.Data.Sqlite;

namespace Telephony.Runtime.Storage;

/// <summary>
/// The storage loop's one connection with its statements prepared once. Preparing statements per
/// batch or per read cost more than running them. Reads go through this connection too: being the
/// only one that writes grain state, it keeps its page cache across commits, where any other
/// connection starts each read with a cache emptied by the last commit.
/// </summary>
internal sealed class SqliteStorageSession : IDisposable
{
    private const string ReadSql = """
        SELECT version, payload FROM grain_state
        WHERE grain_type = $type AND grain_id = $id AND state_name = $name
        """;

    private const string InsertSql = """
        INSERT INTO grain_state (grain_type, grain_id, state_name, version, payload, updated_at)
        VALUES ($type, $id, $name, 1, $payload, $updated)
        ON CONFLICT (grain_type, grain_id, state_name) DO NOTHING
        """;

    private const string UpdateSql = """
        UPDATE grain_state SET version = version + 1, payload = $payload, updated_at = $updated
        WHERE grain_type = $type AND grain_id = $id AND state_name = $name AND version = $version
        """;

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _begin;
    private readonly SqliteCommand _commit;
    private readonly SqliteCommand _rollback;
    private readonly KeyedStatement _read;
    private readonly KeyedStatement _insert;
    private readonly KeyedStatement _update;
    private readonly SqliteParameter _insertPayload;
    private readonly SqliteParameter _insertUpdated;
    private readonly SqliteParameter _updatePayload;
    private readonly SqliteParameter _updateUpdated;
    private readonly SqliteParameter _expectedVersion;

    private SqliteStorageSession(SqliteConnection connection)
    {
        _connection = connection;
        _begin = Create("BEGIN IMMEDIATE");
        _commit = Create("COMMIT");
        _rollback = Create("ROLLBACK");
        _read = new KeyedStatement(Create(ReadSql));
        _insert = new KeyedStatement(Create(InsertSql));
        _insertPayload = _insert.Command.Parameters.Add("$payload", SqliteType.Blob);
        _insertUpdated = _insert.Command.Parameters.Add("$updated", SqliteType.Integer);
        _update = new KeyedStatement(Create(UpdateSql));
        _updatePayload = _update.Command.Parameters.Add("$payload", SqliteType.Blob);
        _updateUpdated = _update.Command.Parameters.Add("$updated", SqliteType.Integer);
        _expectedVersion = _update.Command.Parameters.Add("$version", SqliteType.Integer);
    }

    /// <summary>Opens the connection and prepares its statements.</summary>
    public static async Task<SqliteStorageSession> OpenAsync(SqliteDatabase database, CancellationToken cancellationToken)
    {
        var connection = await database.OpenForWritingAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return new SqliteStorageSession(connection);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The stored state of <paramref name="key"/>; null when nothing was ever stored.</summary>
    public GrainStateRecord? Read(GrainStateKey key)
    {
        _read.Bind(key);
        using var reader = _read.Command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var payload = reader.IsDBNull(1) ? null : (byte[])reader.GetValue(1);
        return new GrainStateRecord(payload, reader.GetInt64(0));
    }

    /// <summary>
    /// Runs <paramref name="writes"/> in one transaction; each result is the new version, or null when
    /// the stored version was not the expected one. Nothing is kept if it throws.
    /// </summary>
    public long?[] Commit(IReadOnlyList<PendingWrite> writes, long updatedAt)
    {
        var results = new long?[writes.Count];
        _begin.ExecuteNonQuery();
        try
        {
            for (var i = 0; i < writes.Count; i++)
            {
                results[i] = Write(writes[i], updatedAt);
            }

            _commit.ExecuteNonQuery();
        }
        catch
        {
            RollBack();
            throw;
        }

        return results;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _begin.Dispose();
        _commit.Dispose();
        _rollback.Dispose();
        _read.Command.Dispose();
        _insert.Command.Dispose();
        _update.Command.Dispose();
        _connection.Dispose();
    }

    private long? Write(PendingWrite write, long updatedAt)
    {
        var payload = (object?)write.Payload ?? DBNull.Value;
        if (write.ExpectedVersion is not { } expected)
        {
            _insert.Bind(write.Key);
            _insertPayload.Value = payload;
            _insertUpdated.Value = updatedAt;
            return _insert.Command.ExecuteNonQuery() == 1 ? 1 : null;
        }

        _update.Bind(write.Key);
        _updatePayload.Value = payload;
        _updateUpdated.Value = updatedAt;
        _expectedVersion.Value = expected;
        return _update.Command.ExecuteNonQuery() == 1 ? expected + 1 : null;
    }

    private void RollBack()
    {
        // A failed statement or COMMIT may already have ended the transaction; the caller drops this session either way.
        if (_connection.Handle is { IsInvalid: false } handle && SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0)
        {
            _rollback.ExecuteNonQuery();
        }
    }

    private SqliteCommand Create(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
