using Microsoft.Extensions.Options;
using Orleans.Providers;
using Telephony.Storage;

namespace Orleans.Hosting;

/// <summary>Registers the SQLite grain storage on a silo.</summary>
public static class SqliteGrainStorageSiloBuilderExtensions
{
    /// <summary>Adds SQLite grain storage as the default provider.</summary>
    public static ISiloBuilder AddSqliteGrainStorageAsDefault(this ISiloBuilder builder, Action<SqliteStorageOptions> configureOptions) =>
        builder.AddSqliteGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configureOptions);

    /// <summary>Adds SQLite grain storage under <paramref name="name"/> (the <c>storageName</c> of <c>[PersistentState]</c>).</summary>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder builder, string name, Action<SqliteStorageOptions> configureOptions) =>
        builder.ConfigureServices(services => services.AddSqliteGrainStorage(name, configureOptions));

    /// <summary>Adds SQLite grain storage as the default provider, configured through an options builder.</summary>
    public static ISiloBuilder AddSqliteGrainStorageAsDefault(this ISiloBuilder builder, Action<OptionsBuilder<SqliteStorageOptions>>? configureOptions = null) =>
        builder.AddSqliteGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configureOptions);

    /// <summary>Adds SQLite grain storage under <paramref name="name"/>, configured through an options builder.</summary>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder builder, string name, Action<OptionsBuilder<SqliteStorageOptions>>? configureOptions = null) =>
        builder.ConfigureServices(services => services.AddSqliteGrainStorage(name, configureOptions));
}
