using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;
using Telephony.Catalog;
using Telephony.Catalog.Memory;
using Telephony.Grains;
using Telephony.Grains.Routing;

namespace Telephony.SiloHost;

/// <summary>Configures an Orleans silo as a Telephony node from configuration.</summary>
public static class TelephonySilo
{
    /// <summary>Default SQLite file, relative to the working folder.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=telephony.db";

    /// <summary>One node: localhost clustering on loopback ports (<c>Telephony:Silo</c>), then <see cref="ConfigureTelephony"/>.</summary>
    public static ISiloBuilder AddTelephony(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = Settings(configuration);
        silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, serviceId: "telephony", clusterId: "telephony");
        return silo.ConfigureTelephony(configuration);
    }

    /// <summary>
    /// Everything but clustering: the product's grains and their services, grain state, reminders and the session
    /// catalog in the store named by <c>Telephony:Storage:Provider</c> (<c>Sqlite</c>, the default, or <c>Memory</c>) and
    /// <c>Telephony:Storage:ConnectionString</c>, and <c>Telephony:Silo</c>'s name and collection settings.
    /// </summary>
    public static ISiloBuilder ConfigureTelephony(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = Settings(configuration);
        var routing = configuration.GetSection("Telephony:Routing").Get<ReservationTimeoutOptions>() ?? new ReservationTimeoutOptions();
        silo.Configure<SiloOptions>(o => o.SiloName = settings.Name);
        silo.Configure<GrainCollectionOptions>(o =>
        {
            o.CollectionAge = settings.CollectionAge;
            o.CollectionQuantum = settings.CollectionQuantum;
        });
        AddStore(silo, configuration.GetSection("Telephony:Storage"));
        silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = Min(o.MinimumReminderPeriod, routing.ReminderPeriod));

        // Reservation reminders are a backstop that ticks every few seconds on purpose (see ReservationTimeoutOptions);
        // Orleans' warning about short reminder periods would only alarm operators at every start.
        silo.Services.AddLogging(logging => logging.AddFilter("Orleans.Hosting.ReminderOptionsValidator", LogLevel.Error));
        silo.AddIncomingGrainCallFilter<FailedCallReload>();
        silo.Services.AddTelephonyGrains(configuration);
        return silo;
    }

    private static void AddStore(ISiloBuilder silo, IConfigurationSection storage)
    {
        var provider = storage["Provider"] ?? "Sqlite";
        var connectionString = storage["ConnectionString"];
        switch (provider.ToUpperInvariant())
        {
            case "SQLITE":
                var file = string.IsNullOrWhiteSpace(connectionString) ? DefaultSqliteConnectionString : connectionString;
                silo.AddSqliteGrainStorageAsDefault(o => o.ConnectionString = file);
                silo.UseSqliteReminderService(o => o.ConnectionString = file);
                silo.Services.AddSqliteCatalogs(o => o.ConnectionString = file);
                break;
            case "MEMORY":
                silo.AddMemoryGrainStorageAsDefault();
                silo.UseInMemoryReminderService();
                silo.Services.TryAddSingleton<ISessionCatalog, MemorySessionCatalog>();
                silo.Services.TryAddSingleton<IRoutingCatalog, MemoryRoutingCatalog>();
                break;
            default:
                throw new InvalidOperationException($"Telephony:Storage:Provider '{provider}' is not supported; use Sqlite or Memory.");
        }

        silo.UseSystemTextJsonGrainStorageSerializer();
    }

    private static TelephonySiloOptions Settings(IConfiguration configuration) =>
        configuration.GetSection("Telephony:Silo").Get<TelephonySiloOptions>() ?? new TelephonySiloOptions();

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
