using Telephony.Catalog;
using Telephony.Catalog.Azure;

namespace Telephony.Storage.Tests.Catalog;

/// <summary>The task catalog contract on Azure Table storage (Azurite).</summary>
public sealed class AzureTableTaskCatalogTests(AzuriteFixture azurite) : TaskCatalogContractTests, IClassFixture<AzuriteFixture>
{
    private readonly string _tableName = $"tasks{Guid.NewGuid():N}";

    /// <inheritdoc />
    protected override Task<ITaskCatalog> CreateAsync() => Task.FromResult<ITaskCatalog>(new AzureTableTaskCatalog(azurite.Azurite.Tables, _tableName));

    /// <inheritdoc />
    protected override Task CloseAsync() => azurite.Azurite.Tables.DeleteTableAsync(_tableName);
}
