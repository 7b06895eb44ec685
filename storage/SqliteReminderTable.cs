using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;

namespace Telephony.Storage;

/// <summary>
/// Orleans reminder table in the silo's SQLite file. ETags are integer versions drawn from one counter in the file,
/// so a removed and re-created reminder never gets an ETag a stale holder could still remove it with. Reminders
/// change rarely (minute-grained), so this uses one ordinary connection, one operation at a time.
/// </summary>
public sealed partial class SqliteReminderTable : IReminderTable, IAsyncDisposable
{
    /// <summary>Name of the <see cref="SqliteStorageOptions"/> instance the reminder table reads.</summary>
    public const string OptionsName = "Telephony.Storage.Reminders";

    private const string Columns = "grain_id, name, start_at, period, etag";

    private readonly SqliteStorageOptions _options;
    private readonly SqliteDatabaseRegistry _databases;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteDatabase? _database;
    private SqliteConnection? _connection;

    internal SqliteReminderTable(SqliteStorageOptions options, SqliteDatabaseRegistry databases, ILogger<SqliteReminderTable> logger)
    {
        _options = options;
        _databases = databases;
        _logger = logger;
    }

    /// <summary>Opens the database (checking and creating the schema).</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        _database ??= _databases.Get(_options, OptionsName);
        await _database.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        LogStarted(_database.FilePath);
    }

    /// <summary>Closes the connection.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _connection?.Dispose();
            _connection = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    /// <summary>The reminders of one grain.</summary>
    public async Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken) =>
        new(await QueryAsync(
            $"SELECT {Columns} FROM orleans_reminders WHERE grain_id = $grain_id",
            command => command.Parameters.AddWithValue("$grain_id", grainId.ToString()),
            cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    /// <summary>
    /// The reminders whose grain hash lies in the ring range (<paramref name="begin"/>, <paramref name="end"/>]; when
    /// begin is not below end the range wraps past zero (begin = end: the whole ring).
    /// </summary>
    public async Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken) =>
        new(await QueryAsync(
            begin < end
                ? $"SELECT {Columns} FROM orleans_reminders WHERE grain_hash > $begin AND grain_hash <= $end"
                : $"SELECT {Columns} FROM orleans_reminders WHERE grain_hash > $begin OR grain_hash <= $end",
            command =>
            {
                command.Parameters.AddWithValue("$begin", (long)begin);
                command.Parameters.AddWithValue("$end", (long)end);
            },
            cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    /// <summary>One reminder; null when there is none.</summary>
    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            $"SELECT {Columns} FROM orleans_reminders WHERE grain_id = $grain_id AND name = $name",
            command =>
            {
                command.Parameters.AddWithValue("$grain_id", grainId.ToString());
                command.Parameters.AddWithValue("$name", reminderName);
            },
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc />
    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    /// <summary>Creates or replaces a reminder; returns its new ETag.</summary>
    public async Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var etag = await UseAsync(
            connection =>
            {
                // One immediate transaction: the counter and the row change together, or neither does.
                using var transaction = connection.BeginTransaction(deferred: false);
                using var next = connection.CreateCommand();
                next.Transaction = transaction;
                next.CommandText = "UPDATE orleans_meta SET value = value + 1 WHERE key = 'reminder_etag' RETURNING value";
                var version = Convert.ToInt64(next.ExecuteScalar(), CultureInfo.InvariantCulture);

                using var upsert = connection.CreateCommand();
                upsert.Transaction = transaction;
                upsert.CommandText = """
                    INSERT INTO orleans_reminders (grain_id, name, grain_hash, start_at, period, etag)
                    VALUES ($grain_id, $name, $grain_hash, $start_at, $period, $etag)
                    ON CONFLICT (grain_id, name) DO UPDATE SET
                        grain_hash = excluded.grain_hash, start_at = excluded.start_at, period = excluded.period, etag = excluded.etag
                    """;
                upsert.Parameters.AddWithValue("$grain_id", entry.GrainId.ToString());
                upsert.Parameters.AddWithValue("$name", entry.ReminderName);
                upsert.Parameters.AddWithValue("$grain_hash", (long)entry.GrainId.GetUniformHashCode());
                upsert.Parameters.AddWithValue("$start_at", ToUtcTicks(entry.StartAt));
                upsert.Parameters.AddWithValue("$period", entry.Period.Ticks);
                upsert.Parameters.AddWithValue("$etag", version);
                upsert.ExecuteNonQuery();
                transaction.Commit();
                return ETags.Format(version);
            },
            cancellationToken).ConfigureAwait(false);
        LogUpserted(entry.GrainId, entry.ReminderName, etag);
        return etag;
    }

    /// <inheritdoc />
    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) =>
        RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    /// <summary>Removes a reminder if its ETag is still <paramref name="eTag"/>; false when it is not, or there is none.</summary>
    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        if (ETags.Parse(eTag) is not { } version || version == ETags.Unmatchable)
        {
            return false;
        }

        var removed = await UseAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "DELETE FROM orleans_reminders WHERE grain_id = $grain_id AND name = $name AND etag = $etag";
                command.Parameters.AddWithValue("$grain_id", grainId.ToString());
                command.Parameters.AddWithValue("$name", reminderName);
                command.Parameters.AddWithValue("$etag", version);
                return command.ExecuteNonQuery() == 1;
            },
            cancellationToken).ConfigureAwait(false);
        LogRemoved(grainId, reminderName, eTag, removed);
        return removed;
    }

    /// <inheritdoc />
    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    /// <summary>Deletes every reminder (the ETag counter keeps going).</summary>
    public Task TestOnlyClearTable(CancellationToken cancellationToken) =>
        UseAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "DELETE FROM orleans_reminders";
                return command.ExecuteNonQuery();
            },
            cancellationToken);

    /// <summary>Closes the connection if the silo did not stop the table; safe to call more than once.</summary>
    public ValueTask DisposeAsync() => new(StopAsync(CancellationToken.None));

    /// <summary>Builds the reminder table from the silo's services.</summary>
    internal static SqliteReminderTable Create(IServiceProvider services) =>
        new(
            services.GetRequiredService<IOptionsMonitor<SqliteStorageOptions>>().Get(OptionsName),
            services.GetRequiredService<SqliteDatabaseRegistry>(),
            services.GetRequiredService<ILogger<SqliteReminderTable>>());

    /// <summary>Times are stored as UTC ticks; Orleans hands UTC times, and an unspecified kind is taken as UTC.</summary>
    private static long ToUtcTicks(DateTime time) => (time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time).Ticks;

    private Task<List<ReminderEntry>> QueryAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken) =>
        UseAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                bind(command);
                using var reader = command.ExecuteReader();
                var rows = new List<ReminderEntry>();
                while (reader.Read())
                {
                    rows.Add(new ReminderEntry
                    {
                        GrainId = GrainId.Parse(reader.GetString(0), CultureInfo.InvariantCulture),
                        ReminderName = reader.GetString(1),
                        StartAt = new DateTime(reader.GetInt64(2), DateTimeKind.Utc),
                        Period = TimeSpan.FromTicks(reader.GetInt64(3)),
                        ETag = ETags.Format(reader.GetInt64(4)),
                    });
                }

                return rows;
            },
            cancellationToken);

    /// <summary>Runs <paramref name="work"/> on the table's connection, one caller at a time, opening it if needed.</summary>
    private async Task<TResult> UseAsync<TResult>(Func<SqliteConnection, TResult> work, CancellationToken cancellationToken)
    {
        if (_database is null)
        {
            await StartAsync(cancellationToken).ConfigureAwait(false);
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            _connection ??= _database!.OpenConnection();
            try
            {
                return work(_connection);
            }
            catch (SqliteException)
            {
                // The connection may be what failed (a lost file handle); the next call opens a fresh one.
                _connection.Dispose();
                _connection = null;
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SQLite reminder table is using {FilePath}")]
    private partial void LogStarted(string filePath);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Upserted reminder {ReminderName} of grain {GrainId}: ETag {ETag}")]
    private partial void LogUpserted(GrainId grainId, string reminderName, string? eTag);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Remove reminder {ReminderName} of grain {GrainId} with ETag {ETag}: removed {Removed}")]
    private partial void LogRemoved(GrainId grainId, string reminderName, string eTag, bool removed);
}
