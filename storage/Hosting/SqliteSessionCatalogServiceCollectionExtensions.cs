using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Telephony.Catalog;
using Telephony.Storage;
using Telephony.Storage.Catalog;

namespace Orleans.Hosting;

/// <summary>Registers the SQLite session catalog in a silo's service collection.</summary>
public static class SqliteSessionCatalogServiceCollectionExtensions
{
    /// <summary>Adds the session catalog, kept in a SQLite file (the grain state's file, to share its group commit).</summary>
    public static IServiceCollection AddSqliteSessionCatalog(this IServiceCollection services, Action<SqliteStorageOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configureOptions);
        services.AddOptions<SqliteStorageOptions>(SqliteSessionCatalog.OptionsName).Configure(configureOptions);
        services.AddTransient<IConfigurationValidator>(sp => new SqliteStorageOptionsValidator(
            sp.GetRequiredService<IOptionsMonitor<SqliteStorageOptions>>().Get(SqliteSessionCatalog.OptionsName), SqliteSessionCatalog.OptionsName));
        services.AddSqliteDatabases();
        services.AddSingleton(SqliteSessionCatalog.Create);
        services.AddSingleton<ISessionCatalog>(sp => sp.GetRequiredService<SqliteSessionCatalog>());
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<SqliteSessionCatalog>());
        return services;
    }
}
