using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;

using Telephony.Testing;

namespace Telephony.Storage.Tests;

/// <summary>
/// One in-process silo with Orleans' own memory grain storage and in-memory reminder table, shared by the memory
/// conformance classes: these providers live on grains, so they need a running silo.
/// </summary>
public sealed class MemoryProvidersSilo : IAsyncLifetime
{
    public const string StorageName = "conformance";

    private InProcessTestCluster? _cluster;

    public IGrainStorage Storage => Services.GetRequiredKeyedService<IGrainStorage>(StorageName);

    public IReminderTable Reminders => Services.GetRequiredService<IReminderTable>();

    private IServiceProvider Services => (_cluster ?? throw new InvalidOperationException("The silo is not started.")).Silos[0].ServiceProvider;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => silo
            .UseSystemTextJsonGrainStorageSerializer()
            .AddMemoryGrainStorage(StorageName)
            .UseInMemoryReminderService());
        _cluster = builder.Build();
        await _cluster.DeployAsync().Within();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync().Within();
            await _cluster.DisposeAsync();
        }
    }
}

/// <summary>The memory conformance classes share one silo and so run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class MemoryProvidersCollection : ICollectionFixture<MemoryProvidersSilo>
{
    public const string Name = "Orleans memory providers";
}
