using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Telephony.SiloHost;

namespace Telephony.Grains.Tests.Silos;

/// <summary>A missing or wrong cluster or store setting stops start-up with one line that names it.</summary>
public sealed class SiloSettingsTests
{
    public static TheoryData<string, string?, string?, string?, string?, string> Wrong => new()
    {
        // Storage provider, storage connection string, storage service URI, cluster provider, advertised address → the setting named.
        { "Postgres", null, null, null, null, "Telephony:Storage:Provider" },
        { "AzureTable", null, null, null, null, "Telephony:Storage:ConnectionString" },
        { "AzureTable", "not a connection string", null, null, null, "Telephony:Storage:ConnectionString" },
        { "AzureTable", "UseDevelopmentStorage=true", "https://acme.table.core.windows.net", null, null, "Telephony:Storage:ServiceUri" },
        { "AzureTable", null, "acme.table.core.windows.net", null, null, "Telephony:Storage:ServiceUri" },
        { "Memory", null, null, "Consul", null, "Telephony:Cluster:Provider" },
        { "Memory", null, null, "AzureStorage", null, "Telephony:Cluster:ConnectionString" },
        { "AzureTable", "UseDevelopmentStorage=true", null, "AzureStorage", "silo-1", "Telephony:Silo:AdvertisedAddress" },
    };

    [Theory]
    [MemberData(nameof(Wrong))]
    public void A_wrong_setting_fails_start_up_with_one_line_naming_it(string store, string? connectionString, string? serviceUri, string? cluster, string? advertised, string named)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telephony:Storage:Provider"] = store,
            ["Telephony:Storage:ConnectionString"] = connectionString,
            ["Telephony:Storage:ServiceUri"] = serviceUri,
            ["Telephony:Cluster:Provider"] = cluster,
            ["Telephony:Silo:AdvertisedAddress"] = advertised,
        });

        var error = Assert.Throws<SettingException>(() =>
        {
            builder.UseOrleans(silo => silo.AddTelephony(builder.Configuration));
            using var host = builder.Build();
        });

        Assert.Equal(named, error.Setting);
        Assert.StartsWith(named + ": ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void An_azure_table_store_and_cluster_from_a_connection_string_or_a_service_uri_are_accepted()
    {
        foreach (var (key, value) in new[] { ("ConnectionString", "UseDevelopmentStorage=true"), ("ServiceUri", "https://acme.table.core.windows.net") })
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Telephony:Storage:Provider"] = "AzureTable",
                [$"Telephony:Storage:{key}"] = value,
                ["Telephony:Cluster:Provider"] = "AzureStorage",
                ["Telephony:Silo:AdvertisedAddress"] = "127.0.0.1",
            });

            builder.UseOrleans(silo => silo.AddTelephony(builder.Configuration));
            using var host = builder.Build();
        }
    }

    [Fact]
    public void A_cluster_on_azure_storage_probes_every_two_seconds_unless_membership_settings_say_otherwise()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), Membership([]).ProbeTimeout);
        var configured = Membership(new() { ["Telephony:Cluster:Membership:ProbeTimeout"] = "00:00:04", ["Telephony:Cluster:Membership:NumMissedProbesLimit"] = "5" });
        Assert.Equal((TimeSpan.FromSeconds(4), 5), (configured.ProbeTimeout, configured.NumMissedProbesLimit));
    }

    private static ClusterMembershipOptions Membership(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telephony:Storage:Provider"] = "Memory",
            ["Telephony:Cluster:Provider"] = "AzureStorage",
            ["Telephony:Cluster:ConnectionString"] = "UseDevelopmentStorage=true",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleans(silo => silo.AddTelephony(builder.Configuration));
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;
    }
}
