using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;
using Telephony.Catalog;
using Telephony.Catalog.Azure;
using Telephony.Catalog.Memory;
using Telephony.Grains;
using Telephony.Grains.Routing;

namespace Telephony.SiloHost;

/// <summary>Configures an Orleans silo as a Telephony node from configuration.</summary>
public static class TelephonySilo
{
    /// <summary>Default SQLite file, relative to the working folder.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=telephony.db";

    /// <summary>Azure Table holding the session catalog.</summary>
    public const string SessionCatalogTable = "TelephonySessionCatalog";

    /// <summary>Azure Table holding the routing catalog.</summary>
    public const string RoutingCatalogTable = "TelephonyRoutingCatalog";

    /// <summary>How long a silo waits for a probe's answer before counting it missed, when clustered on Azure Storage.</summary>
    public static readonly TimeSpan DefaultProbeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A node of the cluster <c>Telephony:Cluster</c> names: <c>Provider</c> <c>Localhost</c> (the default: one node on
    /// loopback ports) or <c>AzureStorage</c> (membership in Azure Table storage, on <c>Telephony:Silo</c>'s ports and
    /// advertised address), with <c>ClusterId</c> and <c>ServiceId</c>; then <see cref="ConfigureTelephony"/>.
    /// </summary>
    public static ISiloBuilder AddTelephony(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = Settings(configuration);
        var cluster = new ClusterSettings(configuration);
        switch (cluster.Provider)
        {
            case ClusterProvider.Localhost:
                silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
                break;
            case ClusterProvider.AzureStorage:
                var tables = cluster.Tables();
                silo.UseAzureStorageClustering(o => o.TableServiceClient = tables);
                silo.Configure<ClusterOptions>(cluster.Configure);

                // A silo that stops answering is declared dead after about three missed 2-second probes (Orleans'
                // default waits 5 s a probe), so its grains come back elsewhere within ~10 s; any Orleans
                // membership option may be set under Telephony:Cluster:Membership.
                silo.Configure<ClusterMembershipOptions>(o => o.ProbeTimeout = DefaultProbeTimeout);
                silo.Configure<ClusterMembershipOptions>(cluster.Section.GetSection("Membership"));
                ConfigureEndpoints(silo, settings);
                break;
        }

        return silo.ConfigureTelephony(configuration);
    }

    /// <summary>
    /// Everything but clustering: the product's grains and their services, grain state, reminders and the catalogs in
    /// the store named by <c>Telephony:Storage:Provider</c> (<c>Sqlite</c>, the default; <c>AzureTable</c>; or
    /// <c>Memory</c>) and <c>Telephony:Storage:ConnectionString</c> (or <c>ServiceUri</c> for Azure Table), and
    /// <c>Telephony:Silo</c>'s name and collection settings, and the dashboard's statistics when <c>Telephony:Dashboard:Enabled</c>.
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
        return silo.AddTelephonyDashboard(configuration).AddTelephonyTelemetry(configuration);
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
            case "AZURETABLE":
                var tables = AzureTables.Client(storage);
                silo.AddAzureTableGrainStorageAsDefault(o => o.TableServiceClient = tables);
                silo.UseAzureTableReminderService(o => o.TableServiceClient = tables);
                silo.Services.AddAzureTableCatalogs(tables);
                break;
            case "MEMORY":
                silo.AddMemoryGrainStorageAsDefault();
                silo.UseInMemoryReminderService();
                silo.Services.TryAddSingleton<ISessionCatalog, MemorySessionCatalog>();
                silo.Services.TryAddSingleton<IRoutingCatalog, MemoryRoutingCatalog>();
                break;
            default:
                throw new SettingException("Telephony:Storage:Provider", $"'{provider}' is not a store; use Sqlite, AzureTable or Memory.");
        }

        silo.UseSystemTextJsonGrainStorageSerializer();
    }

    /// <summary>The silo's ports on <c>Telephony:Silo:AdvertisedAddress</c>, or on the address Orleans finds when none is set.</summary>
    private static void ConfigureEndpoints(ISiloBuilder silo, TelephonySiloOptions settings)
    {
        if (settings.AdvertisedAddress is not { Length: > 0 } address)
        {
            silo.ConfigureEndpoints(settings.SiloPort, settings.GatewayPort);
            return;
        }

        if (!IPAddress.TryParse(address, out var ip))
        {
            throw new SettingException("Telephony:Silo:AdvertisedAddress", $"'{address}' is not an IP address.");
        }

        silo.ConfigureEndpoints(ip, settings.SiloPort, settings.GatewayPort);
    }

    /// <summary>Both catalogs in Azure tables of <paramref name="tables"/>, as silos and client front doors read them.</summary>
    internal static IServiceCollection AddAzureTableCatalogs(this IServiceCollection services, TableServiceClient tables)
    {
        services.AddSingleton<ISessionCatalog>(new AzureTableSessionCatalog(tables, SessionCatalogTable));
        return services.AddSingleton<IRoutingCatalog>(new AzureTableRoutingCatalog(tables, RoutingCatalogTable));
    }

    private static TelephonySiloOptions Settings(IConfiguration configuration) =>
        configuration.GetSection("Telephony:Silo").Get<TelephonySiloOptions>() ?? new TelephonySiloOptions();

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
