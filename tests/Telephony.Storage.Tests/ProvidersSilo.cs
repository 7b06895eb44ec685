using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;

using Telephony.Testing;

namespace Telephony.Storage.Tests;

/// <summary>
/// One in-process silo with a grain storage named <see cref="StorageName"/> and a reminder table of Orleans' own, shared
/// by the conformance classes of those providers: they live in a silo's services (some on grains), so they need one.
/// </summary>
public abstract class ProvidersSilo : IAsyncLifetime
{
    public const string StorageName = "conformance";

    private InProcessTestCluster? _cluster;

    public IGrainStorage Storage => Services.GetRequiredKeyedService<IGrainStorage>(StorageName);

    public IReminderTable Reminders => Services.GetRequiredService<IReminderTable>();

    private IServiceProvider Services => (_cluster ?? throw new InvalidOperationException("The silo is not started.")).Silos[0].ServiceProvider;

    public virtual async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => AddProviders(silo.UseSystemTextJsonGrainStorageSerializer()));
        _cluster = builder.Build();
        await _cluster.DeployAsync().Within();
    }

    public virtual async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync().Within();
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>Adds the grain storage named <see cref="StorageName"/> and the reminder table under test.</summary>
    protected abstract void AddProviders(ISiloBuilder silo);
}

/// <summary>Orleans' memory grain storage and in-memory reminder table: the reference the contracts are checked by.</summary>
public sealed class MemoryProvidersSilo : ProvidersSilo
{
    /// <inheritdoc />
    protected override void AddProviders(ISiloBuilder silo) => silo.AddMemoryGrainStorage(StorageName).UseInMemoryReminderService();
}

/// <summary>The memory conformance classes share one silo and so run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class MemoryProvidersCollection : ICollectionFixture<MemoryProvidersSilo>
{
    public const string Name = "Orleans memory providers";
}
