using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Telephony.Catalog;
using Telephony.Storage.Catalog;
using Telephony.Testing;

namespace Telephony.Storage.Tests.Catalog;

/// <summary>The task catalog contract on SQLite.</summary>
public sealed class SqliteTaskCatalogTests : TaskCatalogContractTests
{
    private readonly TemporarySqliteFile _file = new();
    private ServiceProvider? _services;

    /// <inheritdoc />
    protected override async Task<ITaskCatalog> CreateAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSqliteCatalogs(options => options.ConnectionString = _file.ConnectionString);
        _services = services.BuildServiceProvider();
        await _services.GetRequiredService<SqliteCatalogStore>().StartAsync(CancellationToken.None).Within();
        return _services.GetRequiredService<ITaskCatalog>();
    }

    /// <inheritdoc />
    protected override async Task CloseAsync()
    {
        if (_services is { } services)
        {
            await services.GetRequiredService<SqliteCatalogStore>().StopAsync(CancellationToken.None).Within();
            await services.DisposeAsync();
        }

        _file.Dispose();
    }
}
