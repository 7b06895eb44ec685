using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using SQLitePCL;

namespace Telephony.Storage;

/// <summary>
/// One SQLite file, shared by every grain storage provider and the reminder table of a silo that name it: checks and
/// creates the schema once, opens connections configured alike, and owns the one storage loop that writes grain state.
/// </summary>
internal sealed partial class SqliteDatabase : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SqliteStorageOptions _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private volatile bool _created;
    private SqliteStorageLoop? _loop;
    private int _attached;

    public SqliteDatabase(string filePath, string connectionString, SqliteStorageOptions options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        FilePath = filePath;
        ConnectionString = connectionString;
        _options = options;
        _time = time;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<SqliteDatabase>();
    }

    /// <summary>Full path of the file.</summary>
    public string FilePath { get; }

    /// <summary>The normalized connection string every connection uses.</summary>
    public string ConnectionString { get; }

    /// <summary>How long a connection waits for another's write lock.</summary>
    public int BusyTimeoutMilliseconds => (int)_options.BusyTimeout.TotalMilliseconds;

    /// <summary>The running storage loop, if a grain storage provider has started it.</summary>
    internal SqliteStorageLoop? Loop => _loop;

    /// <summary>Test hook: runs on every connection this database opens, after it is configured.</summary>
    internal Action<SqliteConnection>? ConnectionOpened { get; set; }

    /// <summary>Opens a connection: synchronous=NORMAL, and SQLite itself waits out another writer's lock.</summary>
    public SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            connection.Open();

            // In WAL mode, NORMAL makes a commit durable against a crash of the process without an fsync per commit
            // (the log is synced at checkpoints); a power cut can lose the last commits, never corrupt the file.
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA synchronous = NORMAL";
                pragma.ExecuteNonQuery();
            }

            // The raw statements of the storage loop bypass Microsoft.Data.Sqlite's own retry on a locked file, so
            // SQLite's busy handler does the waiting, for every connection alike.
            raw.sqlite3_busy_timeout(connection.Handle, BusyTimeoutMilliseconds);
            ConnectionOpened?.Invoke(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Checks the file and creates the schema, once; throws <see cref="SqliteStoreLayoutException"/> for a file it must not use.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_created)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_created)
            {
                return;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            var directory = Path.GetDirectoryName(FilePath);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            bool createdTables;
            try
            {
                using var connection = OpenConnection();
                createdTables = SqliteSchema.Create(connection, FilePath);
            }
            catch (SqliteException e) when (e.SqliteErrorCode == raw.SQLITE_NOTADB)
            {
                throw SqliteSchema.NotADatabase(FilePath, e);
            }

            _created = true;
            LogOpened(FilePath, SqliteSchema.Version, createdTables, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (SqliteStoreLayoutException e)
        {
            LogRefused(FilePath, e);
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Starts the storage loop for one more grain storage provider (the first starts it).</summary>
    public async Task<SqliteStorageLoop> AttachAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_loop is null)
            {
                _loop = new SqliteStorageLoop(this, _options.MaxBatchSize, _time, _loggerFactory.CreateLogger<SqliteStorageLoop>());
            }

            _attached++;
            return _loop;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Lets go of the storage loop for one provider; the last one out stops it, after the queued work is done.</summary>
    public async Task DetachAsync(CancellationToken cancellationToken)
    {
        SqliteStorageLoop? stopping = null;
        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (_attached > 0 && --_attached == 0)
            {
                stopping = _loop;
                _loop = null;
            }
        }
        finally
        {
            _gate.Release();
        }

        if (stopping is not null)
        {
            await stopping.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the storage loop if a provider never did (a silo torn down without stopping).</summary>
    public async ValueTask DisposeAsync()
    {
        var loop = Interlocked.Exchange(ref _loop, null);
        if (loop is not null)
        {
            await loop.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened SQLite store {FilePath} (schema version {SchemaVersion}, tables created: {TablesCreated}) in {ElapsedMilliseconds:0.0} ms")]
    private partial void LogOpened(string filePath, int schemaVersion, bool tablesCreated, double elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Refused to use SQLite file {FilePath}")]
    private partial void LogRefused(string filePath, Exception exception);
}
