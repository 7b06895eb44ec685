using Telephony.Catalog;
using Telephony.Catalog.Memory;

namespace Telephony.Storage.Tests.Catalog;

/// <summary>The task catalog contract on the memory catalog.</summary>
public sealed class MemoryTaskCatalogTests : TaskCatalogContractTests
{
    /// <inheritdoc />
    protected override Task<ITaskCatalog> CreateAsync() => Task.FromResult<ITaskCatalog>(new MemoryTaskCatalog());

    /// <inheritdoc />
    protected override Task CloseAsync() => Task.CompletedTask;
}
