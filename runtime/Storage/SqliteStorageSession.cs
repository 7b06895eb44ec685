using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Telephony.Runtime.Storage;

/// <summary>
/// The storage loop's one connection with its statements prepared once. Preparing statements per
/// batch or per read cost more than running them. Reads go through this connection too: being the
/// only one that writes grain state, it keeps its page cache across commits, where any other
/// connection starts each read with a cache emptied by the last commit. The statements run on the
/// raw SQLite API: Microsoft.Data.Sqlite's commands allocate binders, statement iterators and a
/// reader on every execution, which cost about as much as the statement itself.
/// </summary>
internal sealed class SqliteStorageSession : IDisposable
{
    // Every keyed statement takes the key as ?1..?3, so one Bind serves all of them.
    private const string ReadSql = """
        SELECT version, payload FROM grain_state
        WHERE grain_type = ?1 AND grain_id = ?2 AND state_name = ?3
        """;

    private const string InsertSql = """
        INSERT INTO grain_state (grain_type, grain_id, state_name, version, payload, updated_at)
        VALUES (?1, ?2, ?3, 1, ?4, ?5)
        ON CONFLICT (grain_type, grain_id, state_name) DO NOTHING
        """;

    private const string UpdateSql = """
        UPDATE grain_state SET version = version + 1, payload = ?4, updated_at = ?5
        WHERE grain_type = ?1 AND grain_id = ?2 AND state_name = ?3 AND version = ?6
        """;

    private const int PayloadIndex = 4;
    private const int UpdatedIndex = 5;
    private const int VersionIndex = 6;

    private readonly SqliteConnection _connection;
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _begin;
    private readonly sqlite3_stmt _commit;
    private readonly sqlite3_stmt _rollback;
    private readonly sqlite3_stmt _read;
    private readonly sqlite3_stmt _insert;
    private readonly sqlite3_stmt _update;
    private bool _disposed;

    private SqliteStorageSession(SqliteConnection connection)
    {
        _connection = connection;
        _db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        var prepared = new List<sqlite3_stmt>(6);
        try
        {
            _begin = Prepare("BEGIN IMMEDIATE", prepared);
            _commit = Prepare("COMMIT", prepared);
            _rollback = Prepare("ROLLBACK", prepared);
            _read = Prepare(ReadSql, prepared);
            _insert = Prepare(InsertSql, prepared);
            _update = Prepare(UpdateSql, prepared);
        }
        catch
        {
            prepared.ForEach(statement => raw.sqlite3_finalize(statement));
            throw;
        }

        // Microsoft.Data.Sqlite retried a locked database until its command timeout; SQLite's busy
        // handler now does, so BEGIN IMMEDIATE waits for the reminder table's connections to commit.
        raw.sqlite3_busy_timeout(_db, connection.DefaultTimeout * 1000);
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
        try
        {
            Bind(_read, key);
            var rc = raw.sqlite3_step(_read);
            if (rc == raw.SQLITE_DONE)
            {
                return null;
            }

            Check(rc);
            var payload = raw.sqlite3_column_type(_read, 1) == raw.SQLITE_NULL ? null : raw.sqlite3_column_blob(_read, 1).ToArray();
            return new GrainStateRecord(payload, raw.sqlite3_column_int64(_read, 0));
        }
        finally
        {
            // Ends the read transaction, so the snapshot does not hold back WAL checkpoints.
            raw.sqlite3_reset(_read);
        }
    }

    /// <summary>
    /// Runs <paramref name="writes"/> in one transaction; each result is the new version, or null when
    /// the stored version was not the expected one. Nothing is kept if it throws.
    /// </summary>
    public long?[] Commit(IReadOnlyList<PendingWrite> writes, long updatedAt)
    {
        var results = new long?[writes.Count];
        Execute(_begin);
        try
        {
            for (var i = 0; i < writes.Count; i++)
            {
                results[i] = Write(writes[i], updatedAt);
            }

            Execute(_commit);
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
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var statement in (ReadOnlySpan<sqlite3_stmt>)[_begin, _commit, _rollback, _read, _insert, _update])
        {
            raw.sqlite3_finalize(statement);
        }

        // The connection goes back to the pool: leave it as Microsoft.Data.Sqlite opened it.
        raw.sqlite3_busy_timeout(_db, 0);
        _connection.Dispose();
    }

    private long? Write(PendingWrite write, long updatedAt)
    {
        if (write.ExpectedVersion is not { } expected)
        {
            return Execute(_insert, write, updatedAt) == 1 ? 1 : null;
        }

        Check(raw.sqlite3_bind_int64(_update, VersionIndex, expected));
        return Execute(_update, write, updatedAt) == 1 ? expected + 1 : null;
    }

    /// <summary>Binds the write to <paramref name="statement"/> and runs it; returns the rows it changed.</summary>
    private int Execute(sqlite3_stmt statement, PendingWrite write, long updatedAt)
    {
        Bind(statement, write.Key);
        Check(write.Payload is { } payload
            ? raw.sqlite3_bind_blob(statement, PayloadIndex, payload)
            : raw.sqlite3_bind_null(statement, PayloadIndex));
        Check(raw.sqlite3_bind_int64(statement, UpdatedIndex, updatedAt));
        Execute(statement);
        return raw.sqlite3_changes(_db);
    }

    private void Execute(sqlite3_stmt statement)
    {
        try
        {
            Check(raw.sqlite3_step(statement));
        }
        finally
        {
            // Its error, if any, was thrown above; reset only returns it again.
            raw.sqlite3_reset(statement);
        }
    }

    private void Bind(sqlite3_stmt statement, GrainStateKey key)
    {
        // UTF-16 binding spares an encoded copy of each string; SQLite stores it as UTF-8 all the same.
        Check(raw.sqlite3_bind_text16(statement, 1, key.GrainType));
        Check(raw.sqlite3_bind_text16(statement, 2, key.GrainId));
        Check(raw.sqlite3_bind_text16(statement, 3, key.StateName));
    }

    private void RollBack()
    {
        // A failed statement or COMMIT may already have ended the transaction; the caller drops this session either way.
        if (raw.sqlite3_get_autocommit(_db) == 0)
        {
            Execute(_rollback);
        }
    }

    private sqlite3_stmt Prepare(string sql, List<sqlite3_stmt> prepared)
    {
        Check(raw.sqlite3_prepare_v3(_db, sql, raw.SQLITE_PREPARE_PERSISTENT, out var statement));
        prepared.Add(statement);
        return statement;
    }

    private void Check(int rc) => SqliteException.ThrowExceptionForRC(rc, _db);
}
