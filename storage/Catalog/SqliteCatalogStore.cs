using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;
using Telephony.Catalog;

namespace Telephony.Storage.Catalog;

/// <summary>
/// What the SQLite catalogs share: the silo's file, whose storage loop commits their entries in the same group commit as
/// grain state writes (so no second writer waits on the file's lock), and read connections of their own, which in WAL
/// mode never wait for a writer. Opens with the silo and closes at its shutdown.
/// </summary>
internal sealed partial class SqliteCatalogStore : ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable
{
    /// <summary>Name of the <see cref="SqliteStorageOptions"/> instance the catalogs read.</summary>
    public const string OptionsName = "Telephony.Storage.Catalog";

    /// <summary>Idle read connections kept for the next list.</summary>
    private const int MaxIdleReaders = 4;

    private readonly SqliteStorageOptions _options;
    private readonly SqliteDatabaseRegistry _databases;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentQueue<SqliteConnection> _readers = new();
    private SqliteDatabase? _database;
    private volatile SqliteStorageLoop? _loop;

    private SqliteCatalogStore(SqliteStorageOptions options, SqliteDatabaseRegistry databases, ILogger<SqliteCatalogStore> logger)
    {
        _options = options;
        _databases = databases;
        _logger = logger;
    }

    /// <summary>Builds the store from the silo's services.</summary>
    public static SqliteCatalogStore Create(IServiceProvider services) =>
        new(
            services.GetRequiredService<IOptionsMonitor<SqliteStorageOptions>>().Get(OptionsName),
            services.GetRequiredService<SqliteDatabaseRegistry>(),
            services.GetRequiredService<ILogger<SqliteCatalogStore>>());

    /// <summary>Commits <paramref name="entry"/> with the next batch; true when it was stored (it was newer than what is held).</summary>
    public async Task<bool> CommitAsync(PendingCommit entry)
    {
        if (_loop is not { } loop || !loop.TryEnqueue(entry))
        {
            throw NotRunning();
        }

        return (await entry.Outcome.ConfigureAwait(false)).Committed;
    }

    /// <summary>
    /// Runs a list query from the page's start in list order (newest first, then by id), reading one entry past the page
    /// to learn whether more follow. <paramref name="alias"/> qualifies the <c>created</c> column and <paramref name="id"/>.
    /// </summary>
    public CatalogPage<T> ReadPage<T>(
        StringBuilder sql,
        List<SqliteParameter> parameters,
        PageRequest page,
        string alias,
        string id,
        Func<SqliteDataReader, T> read,
        Func<T, CatalogPosition> position,
        CancellationToken cancellationToken)
    {
        if (page.After is { } after)
        {
            // The index range is "not newer"; only the entries of that very tick are then checked by id.
            sql.Append(CultureInfo.InvariantCulture, $" AND {alias}created <= $afterTicks AND ({alias}created < $afterTicks OR {alias}{id} > $afterId)");
            parameters.Add(new SqliteParameter("$afterTicks", after.Ticks));
            parameters.Add(new SqliteParameter("$afterId", after.Id));
        }

        sql.Append(CultureInfo.InvariantCulture, $" ORDER BY {alias}created DESC, {alias}{id} LIMIT $limit OFFSET $skip");
        parameters.Add(new SqliteParameter("$limit", page.Size + 1));
        parameters.Add(new SqliteParameter("$skip", page.Skip));
        var items = Read(connection =>
        {
            using var command = Command(connection, sql.ToString(), parameters);
            using var reader = command.ExecuteReader();
            var entries = new List<T>(Math.Min(page.Size + 1, 256));
            while (reader.Read())
            {
                entries.Add(read(reader));
            }

            return entries;
        }, cancellationToken);
        var more = items.Count > page.Size;
        if (more)
        {
            items.RemoveAt(page.Size);
        }

        return new CatalogPage<T>(items, more ? position(items[^1]) : null);
    }

    /// <summary>Runs <paramref name="read"/> on an idle read connection (or a new one), then keeps the connection for the next.</summary>
    public T Read<T>(Func<SqliteConnection, T> read, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_database is not { } database || _loop is null)
        {
            throw NotRunning();
        }

        var connection = _readers.TryDequeue(out var idle) ? idle : database.OpenConnection();
        var keep = false;
        try
        {
            var result = read(connection);
            keep = true;
            return result;
        }
        finally
        {
            if (keep && _readers.Count < MaxIdleReaders)
            {
                _readers.Enqueue(connection);
            }
            else
            {
                connection.Dispose();
            }
        }
    }

    /// <summary>A command of <paramref name="sql"/> with copies of <paramref name="parameters"/>.</summary>
    public static SqliteCommand Command(SqliteConnection connection, string sql, List<SqliteParameter> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new SqliteParameter(parameter.ParameterName, parameter.Value));
        }

        return command;
    }

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SqliteCatalogStore), _options.InitStage, StartAsync, StopAsync);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => new(StopAsync(CancellationToken.None));

    /// <summary>Opens the database (checking and creating the schema) and joins its storage loop.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_loop is not null)
            {
                return;
            }

            _database ??= _databases.Get(_options, OptionsName);
            _loop = await _database.AttachAsync(cancellationToken).ConfigureAwait(false);
            LogStarted(_database.FilePath);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Leaves the storage loop (the last one out stops it once its queue is done) and closes the read connections.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            while (_readers.TryDequeue(out var reader))
            {
                reader.Dispose();
            }

            if (_loop is null || _database is null)
            {
                return;
            }

            _loop = null;
            await _database.DetachAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static InvalidOperationException NotRunning() =>
        new("The SQLite catalog is not running: it opens at silo start-up and closes at shutdown.");

    [LoggerMessage(Level = LogLevel.Information, Message = "SQLite catalog is using {FilePath}")]
    private partial void LogStarted(string filePath);
}
