using Orleans.Storage;

namespace Telephony.Storage.Tests;

/// <summary>The grain storage contract against Orleans' Azure Table grain storage on Azurite: the cluster's grain state.</summary>
[Collection(AzureProvidersCollection.Name)]
public sealed class AzureTableGrainStorageConformanceTests(AzureProvidersSilo silo) : GrainStorageConformanceTests
{
    protected override Task<IGrainStorage> OpenStorageAsync() => Task.FromResult(silo.Storage);

    /// <summary>An entity holds 960 KB, and the state goes in as base64: about 720 KB of serialized state.</summary>
    protected override int? MaxStateBytes => 700_000;

    /// <inheritdoc />
    protected override bool NamesStoredETag => false;
}
