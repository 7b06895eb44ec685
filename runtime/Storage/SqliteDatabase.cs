using Microsoft.Data.Sqlite;

namespace Telephony.Runtime.Storage;

/// <summary>One SQLite file in WAL mode shared by grain state and reminders; creates the schema.</summary>
public sealed class SqliteDatabase
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS grain_state (
            grain_type TEXT NOT NULL,
            grain_id TEXT NOT NULL,
            state_name TEXT NOT NULL,
            version INTEGER NOT NULL,
            payload BLOB NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (grain_type, grain_id, state_name)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS reminders (
            grain_type TEXT NOT NULL,
            grain_id TEXT NOT NULL,
            name TEXT NOT NULL,
            due_at INTEGER NOT NULL,
            period_ms INTEGER NOT NULL,
            version INTEGER NOT NULL,
            PRIMARY KEY (grain_type, grain_id, name)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS reminders_due ON reminders (due_at);
        """;

    private readonly SemaphoreSlim _initLock = new(1, 1);
    private bool _initialized;

    /// <summary>Uses the database named by an ADO.NET connection string (<c>Data Source=telephony.db</c>).</summary>
    public SqliteDatabase(string connectionString)
    {
        // The command timeout doubles as the busy timeout: Microsoft.Data.Sqlite retries a locked database until it passes.
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true, DefaultTimeout = 10 };
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new ArgumentException("The SQLite connection string names no Data Source.", nameof(connectionString));
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        ConnectionString = builder.ToString();
    }

    /// <summary>The normalized connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>Opens a pooled connection for reading.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Opens a connection for writing: in WAL mode, NORMAL synchronous makes a commit durable at the next checkpoint without an fsync per commit.</summary>
    public async Task<SqliteConnection> OpenForWritingAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous = NORMAL;";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Creates the tables once per process.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _initLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_initialized)
            {
                return;
            }

            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            using var command = connection.CreateCommand();
            command.CommandText = Schema;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            _initialized = true;
        }
        finally
        {
            _initLock.Release();
        }
    }
}
