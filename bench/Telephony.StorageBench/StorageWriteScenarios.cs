using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;
using SQLitePCL;
using Telephony.Storage;

namespace Telephony.StorageBench;

/// <summary>
/// The three ways of writing grain state the bench compares: raw SQLite with a commit per row (the floor), the provider
/// with one writer (a commit per write, plus queueing, serialization and the ETag check), and the provider with 1,000
/// grains writing at once (group commit). Each scenario writes to its own file in a temporary folder.
/// </summary>
internal sealed class StorageWriteScenarios : IAsyncDisposable
{
    public const int Grains = 1000;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "telephony-storagebench-" + Guid.NewGuid().ToString("N"));
    private ServiceProvider _services = null!;
    private SqliteGrainStorage _storage = null!;
    private GrainId[] _grainIds = null!;
    private GrainState<StorageBenchState>[] _states = null!;
    private string[] _rawKeys = null!;
    private byte[] _rawPayload = null!;
    private SqliteConnection _rawConnection = null!;
    private sqlite3_stmt _rawUpsert = null!;
    private int _next;
    private int _maxBatchSize;

    /// <summary>The provider on one file, the raw statement on another, both with the provider's schema and 1,000 rows.</summary>
    public static async Task<StorageWriteScenarios> CreateAsync(int maxBatchSize)
    {
        var scenarios = new StorageWriteScenarios { _maxBatchSize = maxBatchSize };
        await scenarios.SetupAsync();
        return scenarios;
    }

    /// <summary>Raw SQLite: a prepared upsert, autocommit (a transaction per row), WAL, synchronous=NORMAL.</summary>
    public void RawOneRowPerCommit(int writes)
    {
        for (var i = 0; i < writes; i++)
        {
            var key = _rawKeys[_next++ % Grains];
            Check(raw.sqlite3_bind_text16(_rawUpsert, 1, key));
            Check(raw.sqlite3_bind_blob(_rawUpsert, 2, _rawPayload));
            Check(raw.sqlite3_bind_int64(_rawUpsert, 3, DateTime.UtcNow.Ticks));
            var rc = raw.sqlite3_step(_rawUpsert);
            raw.sqlite3_reset(_rawUpsert);
            if (rc != raw.SQLITE_DONE)
            {
                Check(rc);
            }
        }
    }

    /// <summary>The provider, one write after another, cycling through the grains.</summary>
    public async Task ProviderOneWriterAsync(int writes)
    {
        for (var i = 0; i < writes; i++)
        {
            var grain = _next++ % Grains;
            _states[grain].State!.Sequence++;
            await _storage.WriteStateAsync("state", _grainIds[grain], _states[grain]);
        }
    }

    /// <summary>The provider, every grain writing at once, <paramref name="rounds"/> times over.</summary>
    public async Task ProviderThousandWritersAsync(int rounds)
    {
        var writes = new Task[Grains];
        for (var round = 0; round < rounds; round++)
        {
            for (var grain = 0; grain < Grains; grain++)
            {
                _states[grain].State!.Sequence++;
                writes[grain] = _storage.WriteStateAsync("state", _grainIds[grain], _states[grain]);
            }

            await Task.WhenAll(writes);
        }
    }

    /// <summary>Transactions the provider's storage loop has committed.</summary>
    public long ProviderTransactions => _storage.Database!.Loop!.Transactions;

    public async ValueTask DisposeAsync()
    {
        raw.sqlite3_finalize(_rawUpsert);
        _rawConnection.Dispose();
        await _storage.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task SetupAsync()
    {
        Directory.CreateDirectory(_folder);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSerializer();
        services.AddSingleton<IGrainStorageSerializer>(new SystemTextJsonGrainStorageSerializer(Options.Create(new SystemTextJsonGrainStorageSerializerOptions())));
        services.AddSqliteGrainStorage("bench", options =>
        {
            options.ConnectionString = $"Data Source={Path.Combine(_folder, "provider.db")}";
            options.MaxBatchSize = _maxBatchSize;
        });
        services.AddSqliteGrainStorage("raw-schema", options => options.ConnectionString = $"Data Source={Path.Combine(_folder, "raw.db")}");
        _services = services.BuildServiceProvider();
        _storage = (SqliteGrainStorage)_services.GetRequiredKeyedService<IGrainStorage>("bench");
        await _storage.StartAsync(CancellationToken.None);

        // The raw file gets the provider's schema (and WAL) from a provider that is then stopped.
        var rawSchema = (SqliteGrainStorage)_services.GetRequiredKeyedService<IGrainStorage>("raw-schema");
        await rawSchema.StartAsync(CancellationToken.None);
        await rawSchema.StopAsync(CancellationToken.None);

        _grainIds = [.. Enumerable.Range(0, Grains).Select(i => GrainId.Create("call", "bench-" + i))];
        _states = [.. Enumerable.Range(0, Grains).Select(i => new GrainState<StorageBenchState> { State = StorageBenchState.Sample(i) })];
        await ProviderThousandWritersAsync(1);

        _rawKeys = [.. _grainIds.Select(id => id.ToString())];
        _rawPayload = new SystemTextJsonGrainStorageSerializer(Options.Create(new SystemTextJsonGrainStorageSerializerOptions()))
            .Serialize(StorageBenchState.Sample(1)).ToArray();
        _rawConnection = new SqliteConnection($"Data Source={Path.Combine(_folder, "raw.db")};Pooling=False");
        _rawConnection.Open();
        using (var pragma = _rawConnection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous = NORMAL";
            pragma.ExecuteNonQuery();
        }

        Check(raw.sqlite3_prepare_v3(
            _rawConnection.Handle,
            """
            INSERT INTO orleans_grain_state (grain_id, state_name, etag, payload, updated_at) VALUES (?1, 'state', 1, ?2, ?3)
            ON CONFLICT (grain_id, state_name) DO UPDATE SET etag = etag + 1, payload = excluded.payload, updated_at = excluded.updated_at
            """,
            raw.SQLITE_PREPARE_PERSISTENT,
            out _rawUpsert));
        RawOneRowPerCommit(Grains);
    }

    private void Check(int rc) => SqliteException.ThrowExceptionForRC(rc, _rawConnection?.Handle);
}
