using Telephony.Catalog;
using Telephony.Catalog.Memory;

namespace Telephony.Storage.Tests.Catalog;

/// <summary>The routing catalog contract on the memory catalog.</summary>
public sealed class MemoryRoutingCatalogTests : RoutingCatalogContractTests
{
    /// <inheritdoc />
    protected override Task<IRoutingCatalog> CreateAsync() => Task.FromResult<IRoutingCatalog>(new MemoryRoutingCatalog());

    /// <inheritdoc />
    protected override Task CloseAsync() => Task.CompletedTask;
}
