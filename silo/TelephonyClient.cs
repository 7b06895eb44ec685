using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Telephony.SiloHost;

/// <summary>
/// Configures an Orleans client front door (<c>Telephony:Api:Mode=Client</c>): it finds the silos' gateways through
/// the cluster's membership and reads the catalogs the silos write, so it holds no state of its own.
/// </summary>
public static class TelephonyClient
{
    /// <summary>How often the client re-reads the gateways from membership, so a dead silo's gateway is dropped and a new one used soon.</summary>
    public static readonly TimeSpan GatewayListRefreshPeriod = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Clustering from <c>Telephony:Cluster</c> (a local silo's gateway port for <c>Localhost</c>), the catalogs from
    /// <c>Telephony:Storage</c>, which must be shared (<c>AzureTable</c>), the dashboard when on, and telemetry.
    /// </summary>
    public static IClientBuilder AddTelephonyClient(this IClientBuilder client, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(configuration);
        var cluster = new ClusterSettings(configuration);
        switch (cluster.Provider)
        {
            case ClusterProvider.Localhost:
                var gatewayPort = configuration.GetSection("Telephony:Silo").Get<TelephonySiloOptions>()?.GatewayPort ?? new TelephonySiloOptions().GatewayPort;
                client.UseLocalhostClustering(gatewayPort, cluster.ServiceId, cluster.ClusterId);
                break;
            case ClusterProvider.AzureStorage:
                var tables = cluster.Tables();
                client.UseAzureStorageClustering(o => o.TableServiceClient = tables);
                client.Configure<ClusterOptions>(cluster.Configure);
                break;
        }

        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = GatewayListRefreshPeriod);
        client.UseConnectionRetryFilter(new GatewayRetry());
        var storage = configuration.GetSection("Telephony:Storage");
        if (!string.Equals(storage["Provider"], "AzureTable", StringComparison.OrdinalIgnoreCase))
        {
            throw new SettingException(
                "Telephony:Storage:Provider",
                $"'{storage["Provider"] ?? "Sqlite"}' is a store only a co-hosted silo can read; a client front door (Telephony:Api:Mode=Client) reads the silos' catalogs from AzureTable.");
        }

        client.Services.AddAzureTableCatalogs(AzureTables.Client(storage));
        return client.AddTelephonyDashboard(configuration).AddTelephonyTelemetry(configuration);
    }
}
