using Orleans.Storage;

namespace Telephony.Storage.Tests;

/// <summary>The grain storage contract against Orleans' memory grain storage: the reference the contract is checked by.</summary>
[Collection(MemoryProvidersCollection.Name)]
public sealed class MemoryGrainStorageConformanceTests(MemoryProvidersSilo silo) : GrainStorageConformanceTests
{
    protected override Task<IGrainStorage> OpenStorageAsync() => Task.FromResult(silo.Storage);
}
