using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Telephony.Storage;

namespace Orleans.Hosting;

/// <summary>Registers the SQLite reminder table in a service collection.</summary>
public static class SqliteReminderServiceCollectionExtensions
{
    /// <summary>Adds reminders, kept in a SQLite file.</summary>
    public static IServiceCollection UseSqliteReminderService(this IServiceCollection services, Action<SqliteStorageOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(configureOptions);
        return services.UseSqliteReminderService(optionsBuilder => optionsBuilder.Configure(configureOptions));
    }

    /// <summary>Adds reminders, kept in a SQLite file, configured through an options builder (e.g. bound to configuration).</summary>
    public static IServiceCollection UseSqliteReminderService(this IServiceCollection services, Action<OptionsBuilder<SqliteStorageOptions>>? configureOptions)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddReminders();
        configureOptions?.Invoke(services.AddOptions<SqliteStorageOptions>(SqliteReminderTable.OptionsName));
        services.AddTransient<IConfigurationValidator>(sp => new SqliteStorageOptionsValidator(
            sp.GetRequiredService<IOptionsMonitor<SqliteStorageOptions>>().Get(SqliteReminderTable.OptionsName), SqliteReminderTable.OptionsName));
        services.ConfigureNamedOptionForLogging<SqliteStorageOptions>(SqliteReminderTable.OptionsName);
        services.AddSqliteDatabases();
        services.AddSingleton(SqliteReminderTable.Create);
        services.AddSingleton<IReminderTable>(sp => sp.GetRequiredService<SqliteReminderTable>());
        return services;
    }
}
