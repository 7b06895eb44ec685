using Microsoft.Extensions.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;

namespace Telephony.SiloHost;

/// <summary>
/// The Orleans Dashboard when <c>Telephony:Dashboard:Enabled</c> is true: silos collect grain statistics, and a client
/// front door asks the silos for them, so the setting must be on for the silos and the API nodes alike.
/// </summary>
public static class TelephonyDashboard
{
    /// <summary>The setting that turns the dashboard on (off by default).</summary>
    public const string EnabledSetting = "Telephony:Dashboard:Enabled";

    /// <summary>Whether the dashboard is on; a value other than true or false fails with the setting's name.</summary>
    public static bool IsEnabled(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[EnabledSetting];
        if (text is null)
        {
            return false;
        }

        return bool.TryParse(text, out var enabled) ? enabled : throw new SettingException(EnabledSetting, $"'{text}' is not true or false.");
    }

    /// <summary>Adds the dashboard's statistics collection to <paramref name="silo"/> when it is on.</summary>
    public static ISiloBuilder AddTelephonyDashboard(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return IsEnabled(configuration) ? silo.AddDashboard(Configure) : silo;
    }

    /// <summary>Adds the dashboard's services to a client front door when it is on: it reads the silos' statistics through grain calls.</summary>
    public static IClientBuilder AddTelephonyDashboard(this IClientBuilder client, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(client);
        return IsEnabled(configuration) ? client.AddDashboard(Configure) : client;
    }

    // The live log stream shows every account's calls to any one account's Admin key; the page works without it.
    private static void Configure(DashboardOptions options) => options.HideTrace = true;
}
