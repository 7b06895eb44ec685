using Telephony.Catalog;
using Telephony.Catalog.Azure;
using Telephony.Testing;

namespace Telephony.Storage.Tests.Catalog;

/// <summary>The routing catalog contract on Azure Table storage (Azurite).</summary>
public sealed class AzureTableRoutingCatalogTests(AzuriteFixture azurite) : RoutingCatalogContractTests, IClassFixture<AzuriteFixture>
{
    private readonly string _tableName = $"routing{Guid.NewGuid():N}";

    /// <inheritdoc />
    protected override Task<IRoutingCatalog> CreateAsync() => Task.FromResult<IRoutingCatalog>(new AzureTableRoutingCatalog(azurite.Azurite.Tables, _tableName));

    /// <inheritdoc />
    protected override Task CloseAsync() => azurite.Azurite.Tables.DeleteTableAsync(_tableName);
}
