using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Telephony.SiloHost;

namespace Telephony.Api.Tests;

public sealed class HostTests
{
    [Fact]
    public async Task Liveness_answers_200_with_the_silo_name()
    {
        await using var api = new ApiFactory();
        using var client = api.CreateClient();

        var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(Environment.MachineName, body.RootElement.GetProperty("silo").GetString());
    }

    [Fact]
    public async Task Readiness_answers_200_once_the_sqlite_store_is_created_in_the_configured_place()
    {
        var folder = Directory.CreateTempSubdirectory("telephony-api-");
        var file = Path.Combine(folder.FullName, "telephony.db");
        try
        {
            await using (var api = new ApiFactory(new Dictionary<string, string?>
            {
                ["Telephony:Storage:Provider"] = "Sqlite",
                ["Telephony:Storage:ConnectionString"] = $"Data Source={file}",
            }))
            {
                using var client = api.CreateClient();

                var response = await client.GetAsync("/health/ready");

                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                Assert.Equal(("Healthy", true, "Active", 1), (report.GetProperty("status").GetString(), report.GetProperty("store").GetBoolean(), report.GetProperty("siloStatus").GetString(), report.GetProperty("activeSilos").GetInt32()));
                Assert.True(File.Exists(file));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_openapi_document_is_served()
    {
        await using var api = new ApiFactory();
        using var client = api.CreateClient();

        var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("paths").TryGetProperty("/health/ready", out _));
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        await using var api = new ApiFactory();
        using var client = api.CreateClient();

        var response = await client.GetAsync("/no/such/thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unsupported_storage_provider_stops_start_up_with_a_clear_message()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["Telephony:Storage:Provider"] = "Cassandra" });

        var error = Assert.Throws<SettingException>(() => api.CreateClient());

        Assert.Equal("Telephony:Storage:Provider: 'Cassandra' is not a store; use Sqlite, AzureTable or Memory.", error.Message);
    }

    [Fact]
    public async Task An_unknown_api_mode_fails_start_up_naming_the_setting()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["Telephony:Api:Mode"] = "Gateway" });

        var error = Assert.Throws<SettingException>(() => api.CreateClient());

        Assert.Equal("Telephony:Api:Mode: 'Gateway' is not a mode; use Silo (co-hosted, the default) or Client (a front door to the cluster's silos).", error.Message);
    }

    [Fact]
    public async Task A_client_front_door_refuses_a_store_only_a_co_hosted_silo_can_read()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["Telephony:Api:Mode"] = "Client", ["Telephony:Storage:Provider"] = "Sqlite" });

        var error = Assert.Throws<SettingException>(() => api.CreateClient());

        Assert.Equal(
            "Telephony:Storage:Provider: 'Sqlite' is a store only a co-hosted silo can read; a client front door (Telephony:Api:Mode=Client) reads the silos' catalogs from AzureTable.",
            error.Message);
    }

    [Fact]
    public async Task A_client_front_door_refuses_a_simulator_account()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>
        {
            ["Telephony:Api:Mode"] = "Client",
            ["Telephony:Storage:Provider"] = "AzureTable",
            ["Telephony:Storage:ConnectionString"] = "UseDevelopmentStorage=true",
        });

        var error = Assert.Throws<SettingException>(() => api.CreateClient());

        Assert.Equal(
            "Telephony:Accounts: account 'development' is on the Simulator, which runs inside one process; a client front door (Telephony:Api:Mode=Client) serves Twilio and Bandwidth accounts only.",
            error.Message);
    }
}
