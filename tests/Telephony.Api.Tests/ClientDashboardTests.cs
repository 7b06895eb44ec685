using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Telephony.SiloHost;
using Telephony.Testing;

namespace Telephony.Api.Tests;

/// <summary>A client front door holds no grains: it serves the dashboard with the statistics the cluster's silos collect.</summary>
public sealed class ClientDashboardTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string AdminKey = "acme-twilio-admin-key";

    [Fact]
    public async Task A_client_front_door_serves_the_dashboard_from_the_silos()
    {
        var cluster = new Dictionary<string, string?>
        {
            ["Telephony:Storage:Provider"] = "AzureTable",
            ["Telephony:Storage:ConnectionString"] = azurite.Azurite.ConnectionString,
            ["Telephony:Cluster:Provider"] = "AzureStorage",
            ["Telephony:Cluster:ClusterId"] = $"test-{Guid.NewGuid():N}",
            ["Telephony:Dashboard:Enabled"] = "true",
        };
        using var silo = Silo(cluster);
        await silo.StartAsync().Within(TimeSpan.FromMinutes(1));
        try
        {
            var frontDoor = new Dictionary<string, string?>(cluster.Concat(WebhookAccounts.Settings()))
            {
                ["Telephony:Api:Mode"] = "Client",
                ["Telephony:Accounts:0:ApiKeys:0:Key"] = AdminKey,
                ["Telephony:Accounts:0:ApiKeys:0:Role"] = "Admin",
            };
            await using var api = new ApiFactory(frontDoor);
            using var client = api.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);

            var page = await client.GetAsync("/dashboard/");

            Assert.Equal((HttpStatusCode.OK, "text/html"), (page.StatusCode, page.Content.Headers.ContentType?.MediaType));
            await Eventually.Until(
                async () =>
                {
                    using var counters = JsonDocument.Parse(await client.GetStringAsync("/dashboard/DashboardCounters"));
                    return counters.RootElement.GetProperty("hosts").EnumerateArray().Select(h => h.GetProperty("siloName").GetString()).SequenceEqual(["silo-a"]);
                },
                "the dashboard lists the cluster's one silo");
        }
        finally
        {
            await silo.StopAsync().Within(TimeSpan.FromMinutes(1));
        }
    }

    private static IHost Silo(Dictionary<string, string?> cluster)
    {
        var ports = LoopbackPorts.Take(2);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(cluster);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telephony:Silo:Name"] = "silo-a",
            ["Telephony:Silo:AdvertisedAddress"] = "127.0.0.1",
            ["Telephony:Silo:SiloPort"] = ports[0].ToString(CultureInfo.InvariantCulture),
            ["Telephony:Silo:GatewayPort"] = ports[1].ToString(CultureInfo.InvariantCulture),
        });
        builder.UseOrleans(silo => silo.AddTelephony(builder.Configuration));
        return builder.Build();
    }
}
