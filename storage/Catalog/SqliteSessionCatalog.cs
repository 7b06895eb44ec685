using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;
using Telephony.Catalog;

namespace Telephony.Storage.Catalog;

/// <summary>
/// The session catalog in the silo's SQLite file. Entries are written through the file's storage loop, so they share
/// the group commit of grain state writes (and no second writer waits on the file's lock); lists read on connections of
/// their own, which in WAL mode never wait for a writer. Every list runs on an index in list order and stops at the
/// page's end: see <c>SqliteSchema</c> for the tables.
/// </summary>
public sealed partial class SqliteSessionCatalog : ISessionCatalog, ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable
{
    /// <summary>Name of the <see cref="SqliteStorageOptions"/> instance the catalog reads.</summary>
    public const string OptionsName = "Telephony.Storage.Catalog";

    /// <summary>Idle read connections kept for the next list.</summary>
    private const int MaxIdleReaders = 4;

    private const string Columns = "account_id, session_id, version, created, ended, channel, from_address, to_address, users, document";
    private const string JoinedColumns = "s.account_id, s.session_id, s.version, s.created, s.ended, s.channel, s.from_address, s.to_address, s.users, s.document";

    private readonly SqliteStorageOptions _options;
    private readonly SqliteDatabaseRegistry _databases;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentQueue<SqliteConnection> _readers = new();
    private SqliteDatabase? _database;
    private volatile SqliteStorageLoop? _loop;

    internal SqliteSessionCatalog(SqliteStorageOptions options, SqliteDatabaseRegistry databases, ILogger<SqliteSessionCatalog> logger)
    {
        _options = options;
        _databases = databases;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<bool> SaveAsync(SessionEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var write = new PendingSessionEntry(entry, cancellationToken);
        if (_loop is not { } loop || !loop.TryEnqueue(write))
        {
            throw new InvalidOperationException("The SQLite session catalog is not running: it opens at silo start-up and closes at shutdown.");
        }

        return (await write.Outcome.ConfigureAwait(false)).Committed;
    }

    /// <inheritdoc />
    public Task<CatalogPage<SessionEntry>> FindAsync(string accountId, SessionFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        page.Validate();
        var sql = new StringBuilder($"SELECT {Columns} FROM catalog_sessions WHERE account_id = $account");
        var parameters = new List<SqliteParameter> { new("$account", accountId) };
        AddFilter(sql, parameters, filter);
        return Task.FromResult(ReadPage(sql, parameters, page, "", cancellationToken));
    }

    /// <inheritdoc />
    public Task<int> CountAsync(string accountId, SessionFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var sql = new StringBuilder("SELECT count(*) FROM catalog_sessions WHERE account_id = $account");
        var parameters = new List<SqliteParameter> { new("$account", accountId) };
        AddFilter(sql, parameters, filter);
        return Task.FromResult(Read(connection =>
        {
            using var command = Command(connection, sql.ToString(), parameters);
            return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }, cancellationToken));
    }

    /// <inheritdoc />
    public Task<CatalogPage<SessionEntry>> FindLiveAsync(string accountId, string? userId, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.Validate();
        var parameters = new List<SqliteParameter> { new("$account", accountId) };
        if (userId is null)
        {
            // The literal "ended = 0" is what lets SQLite use the partial index of live sessions.
            return Task.FromResult(ReadPage(new StringBuilder($"SELECT {Columns} FROM catalog_sessions WHERE account_id = $account AND ended = 0"), parameters, page, "", cancellationToken));
        }

        parameters.Add(new SqliteParameter("$user", CatalogText.AsciiLower(userId)));
        var sql = new StringBuilder($"""
            SELECT {JoinedColumns} FROM catalog_live_session_users u
            JOIN catalog_sessions s ON s.account_id = u.account_id AND s.session_id = u.session_id
            WHERE u.account_id = $account AND u.user_id = $user
            """);
        return Task.FromResult(ReadPage(sql, parameters, page, "u.", cancellationToken));
    }

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SqliteSessionCatalog), _options.InitStage, StartAsync, StopAsync);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => new(StopAsync(CancellationToken.None));

    /// <summary>Builds the catalog from the silo's services.</summary>
    internal static SqliteSessionCatalog Create(IServiceProvider services) =>
        new(
            services.GetRequiredService<IOptionsMonitor<SqliteStorageOptions>>().Get(OptionsName),
            services.GetRequiredService<SqliteDatabaseRegistry>(),
            services.GetRequiredService<ILogger<SqliteSessionCatalog>>());

    /// <summary>Opens the database (checking and creating the schema) and joins its storage loop.</summary>
    internal async Task StartAsync(CancellationToken cancellationToken)
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
    internal async Task StopAsync(CancellationToken cancellationToken)
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

    /// <summary>
    /// Adds <paramref name="filter"/> to a query. Ended is written as a literal so the partial index of live sessions
    /// applies; address filters match ASCII-lowered text anywhere in the address.
    /// </summary>
    private static void AddFilter(StringBuilder sql, List<SqliteParameter> parameters, SessionFilter filter)
    {
        if (filter.Ended is { } ended)
        {
            sql.Append(ended ? " AND ended = 1" : " AND ended = 0");
        }

        if (filter.Channel is { } channel)
        {
            sql.Append(" AND channel = $channel");
            parameters.Add(new SqliteParameter("$channel", channel));
        }

        if (!string.IsNullOrEmpty(filter.FromContains))
        {
            sql.Append(" AND instr(lower(from_address), $from) > 0");
            parameters.Add(new SqliteParameter("$from", CatalogText.AsciiLower(filter.FromContains)));
        }

        if (!string.IsNullOrEmpty(filter.ToContains))
        {
            sql.Append(" AND instr(lower(to_address), $to) > 0");
            parameters.Add(new SqliteParameter("$to", CatalogText.AsciiLower(filter.ToContains)));
        }

        if (filter.CreatedFrom is { } from)
        {
            sql.Append(" AND created >= $createdFrom");
            parameters.Add(new SqliteParameter("$createdFrom", from.UtcTicks));
        }

        if (filter.CreatedBefore is { } before)
        {
            sql.Append(" AND created < $createdBefore");
            parameters.Add(new SqliteParameter("$createdBefore", before.UtcTicks));
        }
    }

    /// <summary>Runs a list query from the page's start, in list order, reading one entry past the page to learn whether more follow.</summary>
    private CatalogPage<SessionEntry> ReadPage(StringBuilder sql, List<SqliteParameter> parameters, PageRequest page, string alias, CancellationToken cancellationToken)
    {
        if (page.After is { } after)
        {
            // The index range is "not newer"; only the entries of that very tick are then checked by id.
            sql.Append(CultureInfo.InvariantCulture, $" AND {alias}created <= $afterTicks AND ({alias}created < $afterTicks OR {alias}session_id > $afterId)");
            parameters.Add(new SqliteParameter("$afterTicks", after.Ticks));
            parameters.Add(new SqliteParameter("$afterId", after.Id));
        }

        sql.Append(CultureInfo.InvariantCulture, $" ORDER BY {alias}created DESC, {alias}session_id LIMIT $limit OFFSET $skip");
        parameters.Add(new SqliteParameter("$limit", page.Size + 1));
        parameters.Add(new SqliteParameter("$skip", page.Skip));
        var items = Read(connection =>
        {
            using var command = Command(connection, sql.ToString(), parameters);
            using var reader = command.ExecuteReader();
            var entries = new List<SessionEntry>(Math.Min(page.Size + 1, 256));
            while (reader.Read())
            {
                entries.Add(ReadEntry(reader));
            }

            return entries;
        }, cancellationToken);
        var more = items.Count > page.Size;
        if (more)
        {
            items.RemoveAt(page.Size);
        }

        return new CatalogPage<SessionEntry>(items, more ? items[^1].Position : null);
    }

    private static SessionEntry ReadEntry(SqliteDataReader reader) =>
        new(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetInt64(2),
            new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero),
            reader.GetInt64(4) != 0,
            reader.GetString(5),
            reader.IsDBNull(6) ? null : reader.GetString(6),
            reader.IsDBNull(7) ? null : reader.GetString(7),
            JsonSerializer.Deserialize(reader.GetString(8), CatalogJson.Default.StringArray) ?? [],
            (byte[])reader.GetValue(9));

    private static SqliteCommand Command(SqliteConnection connection, string sql, List<SqliteParameter> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new SqliteParameter(parameter.ParameterName, parameter.Value));
        }

        return command;
    }

    /// <summary>Runs <paramref name="read"/> on an idle read connection (or a new one), then keeps the connection for the next.</summary>
    private T Read<T>(Func<SqliteConnection, T> read, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_database is not { } database || _loop is null)
        {
            throw new InvalidOperationException("The SQLite session catalog is not running: it opens at silo start-up and closes at shutdown.");
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

    [LoggerMessage(Level = LogLevel.Information, Message = "SQLite session catalog is using {FilePath}")]
    private partial void LogStarted(string filePath);
}
