using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.TestingHost;
using Telephony.Catalog;
using Telephony.Catalog.Memory;
using Telephony.SiloHost;

namespace Telephony.Testing;

/// <summary>
/// Orleans silos in this process (Orleans' <see cref="InProcessTestCluster"/>) configured as Telephony nodes from
/// <c>Telephony:*</c> settings, with grain time on a <see cref="ManualTimeProvider"/> (unless a test asks for real
/// time) while Orleans' own background loops, reminders among them, keep real time. The store is Orleans' memory storage unless the settings name a SQLite file,
/// which a later cluster can open again to show what survives a restart.
/// </summary>
public sealed class TelephonyCluster : IAsyncDisposable
{
    private readonly TimeProvider _time;

    private TelephonyCluster(InProcessTestCluster cluster, TimeProvider time)
    {
        Cluster = cluster;
        _time = time;
    }

    /// <summary>The Orleans test cluster: its silos can be stopped, killed and added.</summary>
    public InProcessTestCluster Cluster { get; }

    /// <summary>The clock every grain of every silo reads and its timers follow.</summary>
    public ManualTimeProvider Time => _time as ManualTimeProvider ?? throw new InvalidOperationException("This cluster's grains run on real time.");

    /// <summary>A client of the cluster, as a front door calls it.</summary>
    public IGrainFactory GrainFactory => Cluster.Client;

    /// <summary>
    /// Starts <paramref name="silos"/> silos with <paramref name="settings"/> (storage defaults to <c>Memory</c>);
    /// <paramref name="services"/> adds or replaces services of every silo; <paramref name="time"/> is the grains' clock
    /// (a new <see cref="ManualTimeProvider"/> unless given, <see cref="TimeProvider.System"/> for real time); <paramref name="responseTimeout"/> bounds
    /// every grain call, so a call cycle fails fast instead of waiting Orleans' default 30 s.
    /// </summary>
    public static async Task<TelephonyCluster> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        TimeProvider? time = null,
        short silos = 1,
        TimeSpan? responseTimeout = null)
    {
        time ??= new ManualTimeProvider();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Telephony:Storage:Provider"] = "Memory" })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var timeout = responseTimeout ?? TimeSpan.FromSeconds(30);

        // The memory catalogs live in a silo's services; the silos of one cluster share them, as they share a store.
        var memory = string.Equals(configuration["Telephony:Storage:Provider"], "Memory", StringComparison.OrdinalIgnoreCase);
        var sessionCatalog = memory ? new MemorySessionCatalog() : null;
        var routingCatalog = memory ? new MemoryRoutingCatalog() : null;
        var builder = new InProcessTestClusterBuilder(silos);

        // Stores that key data by service (Azure Table) find a restarted cluster's data only under the same service id.
        builder.Options.ServiceId = configuration["Telephony:Cluster:ServiceId"] ?? ClusterSettings.DefaultClusterId;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.ConfigureTelephony(configuration);
            if (sessionCatalog is not null && routingCatalog is not null)
            {
                silo.Services.RemoveAll<ISessionCatalog>();
                silo.Services.AddSingleton<ISessionCatalog>(sessionCatalog);
                silo.Services.RemoveAll<IRoutingCatalog>();
                silo.Services.AddSingleton<IRoutingCatalog>(routingCatalog);
            }

            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = timeout);
            services?.Invoke(silo.Services);
            silo.Services.RemoveAll<TimeProvider>();
            silo.Services.AddSingleton<TimeProvider>(time);
            silo.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
        });
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = timeout));
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return new TelephonyCluster(cluster, time);
    }

    /// <summary>Whether <paramref name="grain"/> is in memory on any silo now.</summary>
    public bool IsActive(IAddressable grain) => Cluster.TryGetGrainContext(grain.GetGrainId(), out _);

    /// <summary>A service of the first live silo (e.g. its storage provider or event broadcaster).</summary>
    public T SiloService<T>()
        where T : notnull => Cluster.Silos[0].ServiceProvider.GetRequiredService<T>();

    /// <summary>Kills the first live silo as a crash would: no deactivation runs, nothing more is written.</summary>
    public Task KillSiloAsync() => Cluster.KillSiloAsync(Cluster.Silos[0]);

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}
