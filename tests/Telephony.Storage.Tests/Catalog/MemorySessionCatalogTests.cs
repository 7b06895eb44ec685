using Telephony.Catalog;
using Telephony.Catalog.Memory;

namespace Telephony.Storage.Tests.Catalog;

/// <summary>The session catalog contract on the memory catalog.</summary>
public sealed class MemorySessionCatalogTests : SessionCatalogContractTests
{
    /// <inheritdoc />
    protected override Task<ISessionCatalog> CreateAsync() => Task.FromResult<ISessionCatalog>(new MemorySessionCatalog());

    /// <inheritdoc />
    protected override Task CloseAsync() => Task.CompletedTask;
}
