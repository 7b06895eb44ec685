using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Telephony.Storage;

/// <summary>
/// Orleans grain storage in a SQLite file, with group commit: writes from all grains queued together commit in one
/// transaction, and each is acknowledged only once that transaction has committed. ETags are the row's integer version.
/// Clearing keeps a tombstone (no payload, version still increasing), so a writer holding an ETag from before the clear
/// is refused, as is one that never read the row.
/// </summary>
public sealed partial class SqliteGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly string _name;
    private readonly SqliteStorageOptions _options;
    private readonly SqliteDatabaseRegistry _databases;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IActivatorProvider _activators;
    private readonly ILogger _logger;
    private SqliteDatabase? _database;
    private volatile SqliteStorageLoop? _loop;

    internal SqliteGrainStorage(
        string name,
        SqliteStorageOptions options,
        SqliteDatabaseRegistry databases,
        IGrainStorageSerializer serializer,
        IActivatorProvider activators,
        ILogger<SqliteGrainStorage> logger)
    {
        _name = name;
        _options = options;
        _databases = databases;
        _serializer = serializer;
        _activators = activators;
        _logger = logger;
    }

    /// <summary>The database, once started (for tests).</summary>
    internal SqliteDatabase? Database => _database;

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var started = Stopwatch.GetTimestamp();
        var outcome = "error";
        try
        {
            var read = new PendingRead(grainId, stateName, cancellationToken);
            Enqueue(read);
            var stored = await read.Outcome.ConfigureAwait(false);
            if (stored is not { } row)
            {
                grainState.State = CreateDefault<T>();
                grainState.ETag = null;
                grainState.RecordExists = false;
            }
            else
            {
                var state = row.Payload is null ? default : Deserialize<T>(row.Payload, stateName, grainId, row.Version);
                grainState.State = state ?? CreateDefault<T>();
                grainState.ETag = ETags.Format(row.Version);
                grainState.RecordExists = state is not null;
            }

            outcome = "ok";
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = "canceled";
            throw;
        }
        finally
        {
            StorageMetrics.ReadDuration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("provider", _name),
                new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);

        // Serialized here, on the caller's thread, so a batch spends its time on SQLite alone.
        var payload = _serializer.Serialize(grainState.State).ToMemory();
        return StoreAsync(stateName, grainId, grainState, payload, cancellationToken);
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        return StoreAsync(stateName, grainId, grainState, payload: null, cancellationToken);
    }

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(OptionFormattingUtilities.Name<SqliteGrainStorage>(_name), _options.InitStage, StartAsync, StopAsync);

    /// <summary>Builds the provider named <paramref name="name"/> from the silo's services.</summary>
    internal static SqliteGrainStorage Create(IServiceProvider services, string name)
    {
        var options = services.GetRequiredService<IOptionsMonitor<SqliteStorageOptions>>().Get(name);
        return new SqliteGrainStorage(
            name,
            options,
            services.GetRequiredService<SqliteDatabaseRegistry>(),
            // Left unset, the serializer registered under the provider's name, else the silo's (as Orleans' providers do).
            options.GrainStorageSerializer
                ?? services.GetKeyedService<IGrainStorageSerializer>(name)
                ?? services.GetRequiredService<IGrainStorageSerializer>(),
            services.GetRequiredService<IActivatorProvider>(),
            services.GetRequiredService<ILogger<SqliteGrainStorage>>());
    }

    /// <summary>Opens the database (checking and creating the schema) and joins its storage loop.</summary>
    internal async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_loop is not null)
        {
            return;
        }

        _database ??= _databases.Get(_options, _name);
        _loop = await _database.AttachAsync(cancellationToken).ConfigureAwait(false);
        LogStarted(_name, _database.FilePath);
    }

    /// <summary>Leaves the storage loop; the last provider on the file stops it once the queued work is done.</summary>
    internal async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_loop is null || _database is null)
        {
            return;
        }

        _loop = null;
        await _database.DetachAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes (a payload) or clears (none) one state, and updates <paramref name="grainState"/> as Orleans expects.</summary>
    private async Task StoreAsync<T>(
        string stateName, GrainId grainId, IGrainState<T> grainState, ReadOnlyMemory<byte>? payload, CancellationToken cancellationToken)
    {
        var operation = payload is null ? "clear" : "write";
        var etag = grainState.ETag;
        var started = Stopwatch.GetTimestamp();
        var result = "error";
        try
        {
            var write = new PendingWrite(grainId, stateName, payload, ETags.Parse(etag), cancellationToken);
            Enqueue(write);
            var outcome = await write.Outcome.ConfigureAwait(false);
            if (!outcome.Committed)
            {
                result = "conflict";
                var stored = ETags.Format(outcome.Stored);
                StorageMetrics.ETagConflicts.Add(
                    1,
                    new KeyValuePair<string, object?>("provider", _name),
                    new KeyValuePair<string, object?>("operation", operation));
                LogConflict(_name, operation, stateName, grainId, etag, stored);
                throw new InconsistentStateException(
                    $"SQLite grain storage \"{_name}\" refused to {operation} state \"{stateName}\" of grain {grainId}: the caller's ETag is {etag ?? "none (no record expected)"}, the stored one is {stored ?? "none (no record)"}.",
                    stored,
                    etag);
            }

            result = "ok";

            // A clear leaves the tombstone's version (null when there was nothing to clear: nothing is stored then).
            grainState.ETag = ETags.Format(outcome.Version);
            if (payload is null)
            {
                grainState.RecordExists = false;
                grainState.State = CreateDefault<T>();
            }
            else
            {
                grainState.RecordExists = true;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            result = "canceled";
            throw;
        }
        finally
        {
            StorageMetrics.WriteDuration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("provider", _name),
                new KeyValuePair<string, object?>("operation", operation),
                new KeyValuePair<string, object?>("outcome", result));
        }
    }

    private void Enqueue(PendingOperation operation)
    {
        if (_loop is not { } loop || !loop.TryEnqueue(operation))
        {
            throw new InvalidOperationException(
                $"SQLite grain storage \"{_name}\" is not running: it opens at silo start-up (lifecycle stage {_options.InitStage}) and closes at shutdown.");
        }
    }

    private T? Deserialize<T>(byte[] payload, string stateName, GrainId grainId, long version)
    {
        try
        {
            return _serializer.Deserialize<T>(new BinaryData(payload));
        }
        catch (Exception e)
        {
            LogUnreadable(_name, stateName, grainId, version, typeof(T), e);
            throw new InvalidOperationException(
                $"SQLite grain storage \"{_name}\" could not deserialize state \"{stateName}\" of grain {grainId} (ETag {version}) as {typeof(T)}.",
                e);
        }
    }

    private T CreateDefault<T>() => _activators.GetActivator<T>().Create();

    [LoggerMessage(Level = LogLevel.Information, Message = "SQLite grain storage {ProviderName} is using {FilePath}")]
    private partial void LogStarted(string providerName, string filePath);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite grain storage {ProviderName} refused to {Operation} state {StateName} of grain {GrainId}: ETag {CurrentETag}, stored {StoredETag}")]
    private partial void LogConflict(string providerName, string operation, string stateName, GrainId grainId, string? currentETag, string? storedETag);

    [LoggerMessage(Level = LogLevel.Error, Message = "SQLite grain storage {ProviderName} could not deserialize state {StateName} of grain {GrainId} (ETag {ETag}) as {StateType}")]
    private partial void LogUnreadable(string providerName, string stateName, GrainId grainId, long etag, Type stateType, Exception exception);
}
