using Microsoft.Extensions.DependencyInjection;
using Telephony.Runtime;
using Telephony.Runtime.Core;
using Telephony.Runtime.Reminders;
using Telephony.Runtime.Storage;

namespace Telephony.Testing;

/// <summary>
/// Several silos in one process on one store, like Orleans' TestingHost: each grain lives on the
/// live silo that rendezvous hashing picks for its key; silos can be stopped, killed and added.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly Action<GrainRuntimeBuilder> _configure;
    private readonly List<(Silo Silo, ServiceProvider Services)> _silos = [];
    private readonly ClusterRouter _router;
    private int _nextSilo;

    private TestCluster(Action<GrainRuntimeBuilder> configure, ManualTimeProvider time, IGrainStorage storage, IReminderTable reminders)
    {
        _configure = configure;
        Time = time;
        Storage = storage;
        Reminders = reminders;
        _router = new ClusterRouter(this);
    }

    /// <summary>The clock every silo uses.</summary>
    public ManualTimeProvider Time { get; }

    /// <summary>The grain storage every silo shares.</summary>
    public IGrainStorage Storage { get; }

    /// <summary>The reminder table every silo shares.</summary>
    public IReminderTable Reminders { get; }

    /// <summary>Every silo started so far, live or not.</summary>
    public IReadOnlyList<Silo> Silos => [.. _silos.Select(s => s.Silo)];

    /// <summary>A client grain factory: calls go to the owning live silo.</summary>
    public IGrainFactory GrainFactory => _silos[0].Silo.GrainFactory;

    /// <summary>Starts <paramref name="silos"/> silos sharing in-memory storage unless other stores are given.</summary>
    public static async Task<TestCluster> StartAsync(
        int silos,
        Action<GrainRuntimeBuilder> configure,
        ManualTimeProvider? time = null,
        IGrainStorage? storage = null,
        IReminderTable? reminders = null)
    {
        var cluster = new TestCluster(configure, time ?? new ManualTimeProvider(), storage ?? new MemoryGrainStorage(), reminders ?? new MemoryReminderTable());
        for (var i = 0; i < silos; i++)
        {
            await cluster.StartSiloAsync().ConfigureAwait(false);
        }

        return cluster;
    }

    /// <summary>Adds and starts one more silo.</summary>
    public async Task<Silo> StartSiloAsync()
    {
        var name = $"silo-{_nextSilo++}";
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddGrainRuntime(builder =>
        {
            _configure(builder);
            builder.Services.AddSingleton(Storage);
            builder.Services.AddSingleton(Reminders);
            builder.Configure(o => o.Name = name);
        });
        var provider = services.BuildServiceProvider();
        var silo = provider.GetRequiredService<Silo>();
        silo.Router = _router;
        await silo.StartAsync(CancellationToken.None).ConfigureAwait(false);
        _silos.Add((silo, provider));
        return silo;
    }

    /// <summary>Stops a silo gracefully: its activations deactivate and move elsewhere on their next call.</summary>
    public Task StopSiloAsync(Silo silo) => silo.StopAsync(CancellationToken.None);

    /// <summary>Kills a silo as a crash would.</summary>
    public void KillSilo(Silo silo) => silo.Kill();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var (silo, services) in _silos)
        {
            await silo.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await services.DisposeAsync().ConfigureAwait(false);
        }
    }

    private sealed class ClusterRouter(TestCluster cluster) : IGrainRouter
    {
        public Activation Resolve(GrainClass grainClass, string key)
        {
            Silo? owner = null;
            var best = ulong.MinValue;
            foreach (var (silo, _) in cluster._silos)
            {
                if (!silo.IsRunning)
                {
                    continue;
                }

                var score = RendezvousHash.Score(silo.Name, grainClass.Name, key);
                if (owner is null || score > best)
                {
                    owner = silo;
                    best = score;
                }
            }

            return owner is null
                ? throw new SiloUnavailableException("No silo of the test cluster is running.")
                : owner.Directory.GetOrCreate(grainClass, key);
        }
    }
}
