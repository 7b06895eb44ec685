using Microsoft.Extensions.Options;
using Telephony.Storage;

namespace Orleans.Hosting;

/// <summary>Registers the SQLite reminder table on a silo.</summary>
public static class SqliteReminderSiloBuilderExtensions
{
    /// <summary>Adds reminders (<c>AddReminders()</c>), kept in a SQLite file.</summary>
    public static ISiloBuilder UseSqliteReminderService(this ISiloBuilder builder, Action<SqliteStorageOptions> configureOptions) =>
        builder.ConfigureServices(services => services.UseSqliteReminderService(configureOptions));

    /// <summary>Adds reminders (<c>AddReminders()</c>), kept in a SQLite file, configured through an options builder.</summary>
    public static ISiloBuilder UseSqliteReminderService(this ISiloBuilder builder, Action<OptionsBuilder<SqliteStorageOptions>>? configureOptions) =>
        builder.ConfigureServices(services => services.UseSqliteReminderService(configureOptions));
}
