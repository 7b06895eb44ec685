using System.Text;
using System.Text.Unicode;
using Microsoft.Data.Sqlite;
using Orleans.Runtime;
using SQLitePCL;

namespace Telephony.Storage;

/// <summary>
/// The storage loop's one connection, with its statements prepared once. Preparing statements per batch or per read
/// cost more than running them, and Microsoft.Data.Sqlite's commands allocate binders, iterators and a reader on every
/// execution, which cost about as much as the statement itself; so the statements run on the raw SQLite API. Reads go
/// through this connection too: being the only one writing grain state, it keeps its page cache across commits.
/// </summary>
internal sealed class SqliteStorageSession : IDisposable
{
    // Every keyed statement takes the key as ?1 (grain id) and ?2 (state name), so one Bind serves them all.
    private const string ReadSql = "SELECT etag, payload FROM orleans_grain_state WHERE grain_id = ?1 AND state_name = ?2";

    private const string VersionSql = "SELECT etag FROM orleans_grain_state WHERE grain_id = ?1 AND state_name = ?2";

    private const string InsertSql = """
        INSERT INTO orleans_grain_state (grain_id, state_name, etag, payload, updated_at) VALUES (?1, ?2, 1, ?3, ?4)
        ON CONFLICT (grain_id, state_name) DO NOTHING
        """;

    private const string UpdateSql = """
        UPDATE orleans_grain_state SET etag = etag + 1, payload = ?3, updated_at = ?4
        WHERE grain_id = ?1 AND state_name = ?2 AND etag = ?5
        """;

    private const int PayloadIndex = 3;
    private const int UpdatedAtIndex = 4;
    private const int ExpectedIndex = 5;

    private readonly SqliteConnection _connection;
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _begin;
    private readonly sqlite3_stmt _commit;
    private readonly sqlite3_stmt _rollback;
    private readonly sqlite3_stmt _read;
    private readonly sqlite3_stmt _version;
    private readonly sqlite3_stmt _insert;
    private readonly sqlite3_stmt _update;
    private readonly Dictionary<string, sqlite3_stmt> _prepared = new(StringComparer.Ordinal);
    private byte[] _grainId = new byte[128];
    private byte[] _stateName = new byte[64];
    private bool _disposed;

    private SqliteStorageSession(SqliteConnection connection)
    {
        _connection = connection;
        _db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        var prepared = new List<sqlite3_stmt>(7);
        try
        {
            // BEGIN IMMEDIATE takes the write lock up front, so a transaction never fails half-way for want of it.
            _begin = Prepare("BEGIN IMMEDIATE", prepared);
            _commit = Prepare("COMMIT", prepared);
            _rollback = Prepare("ROLLBACK", prepared);
            _read = Prepare(ReadSql, prepared);
            _version = Prepare(VersionSql, prepared);
            _insert = Prepare(InsertSql, prepared);
            _update = Prepare(UpdateSql, prepared);
        }
        catch
        {
            prepared.ForEach(statement => raw.sqlite3_finalize(statement));
            throw;
        }
    }

    /// <summary>Opens a connection to <paramref name="database"/> and prepares the statements.</summary>
    public static SqliteStorageSession Open(SqliteDatabase database)
    {
        var connection = database.OpenConnection();
        try
        {
            return new SqliteStorageSession(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The stored row of one state; null when there is none.</summary>
    public StoredState? Read(PendingRead read)
    {
        try
        {
            Bind(_read, read.GrainId, read.StateName);
            var rc = raw.sqlite3_step(_read);
            if (rc == raw.SQLITE_DONE)
            {
                return null;
            }

            Check(rc);
            var payload = raw.sqlite3_column_type(_read, 1) == raw.SQLITE_NULL ? null : raw.sqlite3_column_blob(_read, 1).ToArray();
            return new StoredState(raw.sqlite3_column_int64(_read, 0), payload);
        }
        finally
        {
            // Ends the implicit read transaction, so its snapshot does not hold back WAL checkpoints.
            raw.sqlite3_reset(_read);
        }
    }

    /// <summary>
    /// Applies <paramref name="writes"/> in one transaction and commits it, filling <paramref name="outcomes"/>.
    /// Nothing is kept if it throws.
    /// </summary>
    public void Commit(IReadOnlyList<PendingCommit> writes, long updatedAt, WriteOutcome[] outcomes)
    {
        Execute(_begin);
        try
        {
            for (var i = 0; i < writes.Count; i++)
            {
                outcomes[i] = writes[i].Apply(this, updatedAt);
            }

            Execute(_commit);
        }
        catch
        {
            RollBack();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var statement in (ReadOnlySpan<sqlite3_stmt>)[_begin, _commit, _rollback, _read, _version, _insert, _update])
        {
            raw.sqlite3_finalize(statement);
        }

        foreach (var statement in _prepared.Values)
        {
            raw.sqlite3_finalize(statement);
        }

        _connection.Dispose();
    }

    /// <summary>
    /// A statement of another writer on this connection (the catalog's), prepared on first use and kept until the
    /// session closes. Its caller binds, steps and resets it.
    /// </summary>
    public sqlite3_stmt Statement(string sql)
    {
        if (!_prepared.TryGetValue(sql, out var statement))
        {
            Check(raw.sqlite3_prepare_v3(_db, sql, raw.SQLITE_PREPARE_PERSISTENT, out statement));
            _prepared.Add(sql, statement);
        }

        return statement;
    }

    /// <summary>Runs <paramref name="statement"/> (bound by the caller) to its end and resets it; returns the rows it changed.</summary>
    public int Run(sqlite3_stmt statement)
    {
        Execute(statement);
        return raw.sqlite3_changes(_db);
    }

    /// <summary>Throws the connection's error for a failed SQLite return code.</summary>
    public void Check(int rc) => SqliteException.ThrowExceptionForRC(rc, _db);

    /// <summary>Applies one grain state write or clear inside the open transaction.</summary>
    public WriteOutcome Apply(PendingWrite write, long updatedAt)
    {
        if (write.ExpectedVersion is { } expected)
        {
            Check(raw.sqlite3_bind_int64(_update, ExpectedIndex, expected));
            return Execute(_update, write, updatedAt) == 1
                ? WriteOutcome.Success(expected + 1)
                : WriteOutcome.Conflict(StoredVersion(write));
        }

        if (write.Payload is null)
        {
            // Clearing what was never written: there is nothing to clear and nothing is stored, so no tombstone either.
            // A row that does exist (even a tombstone) was written by someone this caller has not heard of: refuse.
            var stored = StoredVersion(write);
            return stored is null ? WriteOutcome.Success(null) : WriteOutcome.Conflict(stored);
        }

        return Execute(_insert, write, updatedAt) == 1
            ? WriteOutcome.Success(1)
            : WriteOutcome.Conflict(StoredVersion(write));
    }

    /// <summary>The version a refused write found, for its error; only run on that path.</summary>
    private long? StoredVersion(PendingWrite write)
    {
        try
        {
            Bind(_version, write.GrainId, write.StateName);
            var rc = raw.sqlite3_step(_version);
            if (rc == raw.SQLITE_DONE)
            {
                return null;
            }

            Check(rc);
            return raw.sqlite3_column_int64(_version, 0);
        }
        finally
        {
            raw.sqlite3_reset(_version);
        }
    }

    /// <summary>Binds the write to <paramref name="statement"/> and runs it; returns the rows it changed.</summary>
    private int Execute(sqlite3_stmt statement, PendingWrite write, long updatedAt)
    {
        Bind(statement, write.GrainId, write.StateName);
        Check(write.Payload is { } payload
            ? raw.sqlite3_bind_blob(statement, PayloadIndex, payload.Span)
            : raw.sqlite3_bind_null(statement, PayloadIndex));
        Check(raw.sqlite3_bind_int64(statement, UpdatedAtIndex, updatedAt));
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

    private void Bind(sqlite3_stmt statement, GrainId grainId, string stateName)
    {
        // The key is bound as UTF-8, as SQLite stores it, written into buffers kept for the session: the grain id is
        // UTF-8 already (type and key), so no string is made and SQLite converts nothing. The text is GrainId.ToString().
        var type = grainId.Type.AsSpan();
        var key = grainId.Key.AsSpan();
        var length = type.Length + 1 + key.Length;
        if (_grainId.Length < length)
        {
            _grainId = new byte[Math.Max(length, _grainId.Length * 2)];
        }

        type.CopyTo(_grainId);
        _grainId[type.Length] = (byte)'/';
        key.CopyTo(_grainId.AsSpan(type.Length + 1));
        var utf8 = _grainId.AsSpan(0, length);

        // A key of arbitrary bytes prints with replacement characters; store what ToString() says, as for any other.
        Check(Utf8.IsValid(utf8)
            ? raw.sqlite3_bind_text(statement, 1, utf8)
            : raw.sqlite3_bind_text16(statement, 1, grainId.ToString()));

        var stateNameLength = Encoding.UTF8.GetMaxByteCount(stateName.Length);
        if (_stateName.Length < stateNameLength)
        {
            _stateName = new byte[Math.Max(stateNameLength, _stateName.Length * 2)];
        }

        var written = Encoding.UTF8.GetBytes(stateName, _stateName);
        Check(raw.sqlite3_bind_text(statement, 2, _stateName.AsSpan(0, written)));
    }

    private void RollBack()
    {
        // A failed statement or COMMIT may already have ended the transaction (SQLite rolls back by itself on some errors).
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

}
