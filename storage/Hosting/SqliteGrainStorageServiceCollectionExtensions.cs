using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Telephony.Storage;

namespace Orleans.Hosting;

/// <summary>Registers the SQLite grain storage in a service collection.</summary>
public static class SqliteGrainStorageServiceCollectionExtensions
{
    /// <summary>Adds SQLite grain storage as the default provider.</summary>
    public static IServiceCollection AddSqliteGrainStorageAsDefault(this IServiceCollection services, Action<SqliteStorageOptions> configureOptions) =>
        services.AddSqliteGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configureOptions);

    /// <summary>Adds SQLite grain storage under <paramref name="name"/> (the <c>storageName</c> of <c>[PersistentState]</c>).</summary>
    public static IServiceCollection AddSqliteGrainStorage(this IServiceCollection services, string name, Action<SqliteStorageOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(configureOptions);
        return services.AddSqliteGrainStorage(name, optionsBuilder => optionsBuilder.Configure(configureOptions));
    }

    /// <summary>Adds SQLite grain storage as the default provider, configured through an options builder (e.g. bound to configuration).</summary>
    public static IServiceCollection AddSqliteGrainStorageAsDefault(this IServiceCollection services, Action<OptionsBuilder<SqliteStorageOptions>>? configureOptions = null) =>
        services.AddSqliteGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configureOptions);

    /// <summary>Adds SQLite grain storage under <paramref name="name"/>, configured through an options builder (e.g. bound to configuration).</summary>
    public static IServiceCollection AddSqliteGrainStorage(this IServiceCollection services, string name, Action<OptionsBuilder<SqliteStorageOptions>>? configureOptions = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        configureOptions?.Invoke(services.AddOptions<SqliteStorageOptions>(name));
        services.AddTransient<IConfigurationValidator>(sp =>
            new SqliteStorageOptionsValidator(sp.GetRequiredService<IOptionsMonitor<SqliteStorageOptions>>().Get(name), name));

        services.ConfigureNamedOptionForLogging<SqliteStorageOptions>(name);
        services.AddSqliteDatabases();
        return services.AddGrainStorage(name, SqliteGrainStorage.Create);
    }

    /// <summary>The per-silo registry that lets providers and the reminder table on one file share it.</summary>
    internal static IServiceCollection AddSqliteDatabases(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new SqliteDatabaseRegistry(
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILoggerFactory>()));
        return services;
    }
}
