using Orleans.Hosting;
using Telephony.Testing;

namespace Telephony.Storage.Tests;

/// <summary>Orleans' Azure Table grain storage and reminder table, on an Azurite of their own: the cluster's store.</summary>
public sealed class AzureProvidersSilo : ProvidersSilo
{
    private Azurite? _azurite;

    /// <inheritdoc />
    public override async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        await base.InitializeAsync();
    }

    /// <inheritdoc />
    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    /// <inheritdoc />
    protected override void AddProviders(ISiloBuilder silo)
    {
        var tables = _azurite!.Tables;
        silo.AddAzureTableGrainStorage(StorageName, o => o.TableServiceClient = tables).UseAzureTableReminderService(o => o.TableServiceClient = tables);
    }
}

/// <summary>The Azure Table conformance classes share one silo and so run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class AzureProvidersCollection : ICollectionFixture<AzureProvidersSilo>
{
    public const string Name = "Orleans Azure Table providers";
}
