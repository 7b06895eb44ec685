using Microsoft.Data.Sqlite;

namespace Telephony.Storage;

/// <summary>
/// The tables of the store, and the checks that keep it from using a file it does not understand. Times are UTC
/// .NET ticks (100 ns units since 0001-01-01), so a reminder's start time round-trips exactly; ETags are integer
/// versions. The comments stay in the file: SQLite keeps each CREATE statement as written.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>The layout this version reads and writes.</summary>
    public const int Version = 1;

    private const string Tables = """
        CREATE TABLE IF NOT EXISTS orleans_meta (
            key TEXT NOT NULL PRIMARY KEY,  -- 'schema_version'; 'reminder_etag': the last reminder ETag handed out
            value INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS orleans_grain_state (
            grain_id TEXT NOT NULL,         -- GrainId.ToString(): 'type/key'; GrainId.Parse reads it back
            state_name TEXT NOT NULL,
            etag INTEGER NOT NULL,          -- version: 1 on first write, +1 on every write or clear; the ETag is it in decimal
            payload BLOB NULL,              -- serialized state; NULL once cleared (a tombstone keeping the version)
            updated_at INTEGER NOT NULL,    -- UTC ticks of the last write or clear
            PRIMARY KEY (grain_id, state_name)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS orleans_reminders (
            grain_id TEXT NOT NULL,         -- GrainId.ToString()
            name TEXT NOT NULL,
            grain_hash INTEGER NOT NULL,    -- GrainId.GetUniformHashCode(), 0 to 2^32-1: silos read their ring range by it
            start_at INTEGER NOT NULL,      -- UTC ticks of the first tick
            period INTEGER NOT NULL,        -- ticks
            etag INTEGER NOT NULL,          -- from orleans_meta.reminder_etag: never reused, even after a remove
            PRIMARY KEY (grain_id, name)
        ) WITHOUT ROWID;

        CREATE INDEX IF NOT EXISTS orleans_reminders_by_hash ON orleans_reminders (grain_hash);

        -- The session catalog: a projection of the session grains' state that lists read a page at a time.
        CREATE TABLE IF NOT EXISTS catalog_sessions (
            account_id TEXT NOT NULL,
            session_id TEXT NOT NULL,
            version INTEGER NOT NULL,       -- the session's stored version: a write of an older or equal one changes nothing
            created INTEGER NOT NULL,       -- UTC ticks; lists run newest first, then by session id
            ended INTEGER NOT NULL,         -- 0 while live
            channel TEXT NOT NULL,
            from_address TEXT NULL,
            to_address TEXT NULL,
            users TEXT NOT NULL,            -- JSON array of the user ids the session belongs to
            document BLOB NOT NULL,         -- the session as the API shows it (JSON)
            PRIMARY KEY (account_id, session_id)
        );

        CREATE INDEX IF NOT EXISTS catalog_sessions_by_created ON catalog_sessions (account_id, created DESC, session_id);
        CREATE INDEX IF NOT EXISTS catalog_sessions_by_channel ON catalog_sessions (account_id, channel, created DESC, session_id);
        CREATE INDEX IF NOT EXISTS catalog_sessions_live ON catalog_sessions (account_id, created DESC, session_id) WHERE ended = 0;

        -- Each live session's users (ASCII-lowered), so a user's live sessions are read without touching ended ones.
        CREATE TABLE IF NOT EXISTS catalog_live_session_users (
            account_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            created INTEGER NOT NULL,
            session_id TEXT NOT NULL,
            PRIMARY KEY (account_id, user_id, created DESC, session_id)
        ) WITHOUT ROWID;

        CREATE INDEX IF NOT EXISTS catalog_live_session_users_by_session ON catalog_live_session_users (account_id, session_id);

        -- The routing catalog: a projection of the task, worker and reservation grains' state, each kind in lists of its
        -- own; the routers rebuild their waiting lists from the pending tasks.
        CREATE TABLE IF NOT EXISTS catalog_routing (
            workspace_sid TEXT NOT NULL,
            kind TEXT NOT NULL,             -- task, worker or reservation
            sid TEXT NOT NULL,
            version INTEGER NOT NULL,       -- its version: a write of an older or equal one changes nothing
            created INTEGER NOT NULL,       -- UTC ticks; lists run newest first, then by sid
            status TEXT NOT NULL,           -- a task's assignment status, a worker's activity name, a reservation's status
            group_sid TEXT NULL,            -- a task's queue, a reservation's worker
            priority INTEGER NOT NULL,      -- a task's priority
            excluded_workers TEXT NOT NULL, -- JSON array of the workers that rejected a task or let it time out
            document BLOB NOT NULL,         -- it as the API shows it (JSON)
            PRIMARY KEY (workspace_sid, kind, sid)
        );

        CREATE INDEX IF NOT EXISTS catalog_routing_by_created ON catalog_routing (workspace_sid, kind, created DESC, sid);
        CREATE INDEX IF NOT EXISTS catalog_routing_by_status ON catalog_routing (workspace_sid, kind, status, created DESC, sid);
        CREATE INDEX IF NOT EXISTS catalog_routing_by_group ON catalog_routing (workspace_sid, kind, group_sid, created DESC, sid);
        CREATE INDEX IF NOT EXISTS catalog_routing_by_group_status ON catalog_routing (workspace_sid, kind, group_sid, status, created DESC, sid);

        INSERT OR IGNORE INTO orleans_meta (key, value) VALUES ('schema_version', 1), ('reminder_etag', 0);
        """;

    /// <summary>The task catalog of the first catalog layout, moved into the routing catalog (the other kinds are new).</summary>
    private const string MoveTaskCatalog = """
        INSERT OR IGNORE INTO catalog_routing (workspace_sid, kind, sid, version, created, status, group_sid, priority, excluded_workers, document)
        SELECT workspace_sid, 'task', task_sid, version, created, status, queue_sid, priority, excluded_workers, document FROM catalog_tasks;
        DROP TABLE catalog_tasks;
        """;

    /// <summary>
    /// Checks what <paramref name="connection"/>'s file holds and creates the tables if they are missing; nothing is
    /// written until the file is known to be empty, ours, or at least not the layout of another version.
    /// </summary>
    /// <returns>True when this call created the tables.</returns>
    public static bool Create(SqliteConnection connection, string filePath)
    {
        var tables = ReadTableNames(connection);

        if (IsPreOrleansLayout(connection, tables))
        {
            throw new SqliteStoreLayoutException(
                filePath,
                $"The SQLite file '{filePath}' was written by Telephony before it ran on Orleans (tables grain_state and reminders); this version does not read that layout, and has left the file untouched. Move the file aside or delete it to start an empty store, or point {nameof(SqliteStorageOptions)}.{nameof(SqliteStorageOptions.ConnectionString)} at another file.");
        }

        if (tables.Contains("orleans_meta") && ReadSchemaVersion(connection) is { } version and > Version)
        {
            throw new SqliteStoreLayoutException(
                filePath,
                $"The SQLite file '{filePath}' was written by a newer version of Telephony (schema version {version}; this version reads {Version}). Run that version, or point {nameof(SqliteStorageOptions)}.{nameof(SqliteStorageOptions.ConnectionString)} at another file.");
        }

        // WAL: readers do not block the writer, and a commit appends to the log instead of rewriting pages. The mode is
        // stored in the file, so it is set once here; it cannot change inside a transaction.
        var journalMode = Scalar(connection, "PRAGMA journal_mode = WAL") as string;
        if (!string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new SqliteStoreLayoutException(
                filePath,
                $"The SQLite file '{filePath}' cannot use write-ahead logging (journal mode stayed '{journalMode}'); this store needs it. Put the file on a local file system.");
        }

        var created = !tables.Contains("orleans_grain_state");
        using var transaction = connection.BeginTransaction();
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = Tables;
            command.ExecuteNonQuery();
            if (tables.Contains("catalog_tasks"))
            {
                command.CommandText = MoveTaskCatalog;
                command.ExecuteNonQuery();
            }
        }

        transaction.Commit();
        return created;
    }

    /// <summary>The error for a file SQLite cannot read at all (its first statement fails with SQLITE_NOTADB).</summary>
    public static SqliteStoreLayoutException NotADatabase(string filePath, SqliteException error) =>
        new(
            filePath,
            $"The file '{filePath}' is not a SQLite database, so it cannot be the store; it was left untouched. Point {nameof(SqliteStorageOptions)}.{nameof(SqliteStorageOptions.ConnectionString)} at the store's file, or move this file aside.",
            error);

    private static HashSet<string> ReadTableNames(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        using var reader = command.ExecuteReader();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>The pre-Orleans runtime's tables, recognized by their columns, not just their names.</summary>
    private static bool IsPreOrleansLayout(SqliteConnection connection, HashSet<string> tables) =>
        (tables.Contains("grain_state") && HasColumn(connection, "grain_state", "grain_type"))
        || (tables.Contains("reminders") && HasColumn(connection, "reminders", "due_at"));

    private static bool HasColumn(SqliteConnection connection, string table, string column)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM pragma_table_info($table) WHERE name = $column";
        command.Parameters.AddWithValue("$table", table);
        command.Parameters.AddWithValue("$column", column);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static long? ReadSchemaVersion(SqliteConnection connection) =>
        Scalar(connection, "SELECT value FROM orleans_meta WHERE key = 'schema_version'") is long version ? version : null;

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
