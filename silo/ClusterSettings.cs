using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;

namespace Telephony.SiloHost;

/// <summary>The cluster a silo joins or a client front door connects to (configuration section <c>Telephony:Cluster</c>).</summary>
public sealed class ClusterSettings
{
    /// <summary>Default cluster and service id.</summary>
    public const string DefaultClusterId = "telephony";

    private readonly IConfiguration _configuration;

    /// <summary>Reads <c>Telephony:Cluster</c>; an unknown provider fails with the setting's name.</summary>
    public ClusterSettings(IConfiguration configuration)
    {
        _configuration = configuration;
        Section = configuration.GetSection("Telephony:Cluster");
        var provider = Section["Provider"] ?? nameof(ClusterProvider.Localhost);
        Provider = Enum.TryParse<ClusterProvider>(provider, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new SettingException("Telephony:Cluster:Provider", $"'{provider}' is not a cluster provider; use Localhost or AzureStorage.");
        ClusterId = Section["ClusterId"] ?? DefaultClusterId;
        ServiceId = Section["ServiceId"] ?? DefaultClusterId;
    }

    /// <summary>The <c>Telephony:Cluster</c> section itself.</summary>
    public IConfigurationSection Section { get; }

    /// <summary>Where membership is kept.</summary>
    public ClusterProvider Provider { get; }

    /// <summary>The deployment's id: silos and clients with the same one form one cluster.</summary>
    public string ClusterId { get; }

    /// <summary>The service's id, stable across deployments: grain state and reminders are keyed by it.</summary>
    public string ServiceId { get; }

    /// <summary>Sets Orleans' cluster options to these ids.</summary>
    public void Configure(ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ClusterId = ClusterId;
        options.ServiceId = ServiceId;
    }

    /// <summary>The Azure Table service membership is kept in: this section's connection, else the store's.</summary>
    public TableServiceClient Tables() => AzureTables.Client(Section, _configuration.GetSection("Telephony:Storage"));
}
