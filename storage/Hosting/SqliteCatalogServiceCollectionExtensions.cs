using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Telephony.Catalog;
using Telephony.Storage;
using Telephony.Storage.Catalog;

namespace Orleans.Hosting;

/// <summary>Registers the SQLite catalogs in a silo's service collection.</summary>
public static class SqliteCatalogServiceCollectionExtensions
{
    /// <summary>Adds the session and routing catalogs, kept in a SQLite file (the grain state's file, to share its group commit).</summary>
    public static IServiceCollection AddSqliteCatalogs(this IServiceCollection services, Action<SqliteStorageOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configureOptions);
        services.AddOptions<SqliteStorageOptions>(SqliteCatalogStore.OptionsName).Configure(configureOptions);
        services.AddTransient<IConfigurationValidator>(sp => new SqliteStorageOptionsValidator(
            sp.GetRequiredService<IOptionsMonitor<SqliteStorageOptions>>().Get(SqliteCatalogStore.OptionsName), SqliteCatalogStore.OptionsName));
        services.AddSqliteDatabases();
        services.AddSingleton(SqliteCatalogStore.Create);
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<SqliteCatalogStore>());
        services.AddSingleton<ISessionCatalog>(sp => new SqliteSessionCatalog(sp.GetRequiredService<SqliteCatalogStore>()));
        services.AddSingleton<IRoutingCatalog>(sp => new SqliteRoutingCatalog(sp.GetRequiredService<SqliteCatalogStore>()));
        return services;
    }
}
