using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Telephony.SiloHost;
using Telephony.Testing;

namespace Telephony.Api.Tests;

/// <summary>One host with the Orleans Dashboard on, shared by the dashboard tests.</summary>
public sealed class DashboardHost : IAsyncLifetime
{
    /// <summary>The host.</summary>
    public ApiFactory Api { get; } = new(new Dictionary<string, string?>(SessionAccounts.Settings()) { ["Telephony:Dashboard:Enabled"] = "true" });

    /// <inheritdoc />
    public Task InitializeAsync()
    {
        Api.CreateClient().Dispose();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task DisposeAsync() => await Api.DisposeAsync();
}

/// <summary>The dashboard is off unless configured, and then served to Admin keys only, as bearer or Basic credentials.</summary>
public sealed partial class DashboardTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    private const string Challenge = "Basic realm=\"Telephony dashboard\"";

    [Fact]
    public async Task The_dashboard_is_off_by_default_and_its_paths_are_unknown_routes()
    {
        await using var api = new ApiFactory(SessionAccounts.Settings());
        using var client = api.CreateClient();

        foreach (var path in new[] { "/dashboard", "/dashboard/", "/dashboard/DashboardCounters" })
        {
            var response = await client.SendAsync(Get(path, Bearer(SessionAccounts.AdminKey)));

            Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic not-base64!")]
    [InlineData("Basic bm8tY29sb24=")] // "no-colon"
    [InlineData("Basic dXNlcjp3cm9uZy1rZXk=")] // "user:wrong-key"
    [InlineData("Bearer wrong-key")]
    public async Task Without_a_known_key_the_answer_is_401_with_a_Basic_challenge(string? authorization)
    {
        using var client = host.Api.CreateClient();
        var request = Get("/dashboard/", null);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(Challenge, Assert.Single(response.Headers.WwwAuthenticate).ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_setting_other_than_true_or_false_stops_start_up_naming_it()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["Telephony:Dashboard:Enabled"] = "yes" });

        var error = Assert.Throws<SettingException>(() => api.CreateClient());

        Assert.Equal("Telephony:Dashboard:Enabled: 'yes' is not true or false.", error.Message);
    }

    [Theory]
    [InlineData("bearer")]
    [InlineData("basic")]
    public async Task A_User_key_is_forbidden(string scheme)
    {
        using var client = host.Api.CreateClient();

        var response = await client.SendAsync(Get("/dashboard/", Credentials(scheme, SessionAccounts.AgentKey)));

        Assert.Equal((HttpStatusCode.Forbidden, "application/problem+json"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
    }

    [Theory]
    [InlineData("bearer")]
    [InlineData("basic")]
    public async Task An_Admin_key_gets_the_dashboard_page(string scheme)
    {
        using var client = host.Api.CreateClient();

        var response = await client.SendAsync(Get("/dashboard/", Credentials(scheme, SessionAccounts.AdminKey)));

        Assert.Equal((HttpStatusCode.OK, "text/html"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        Assert.Contains("<title>Orleans Dashboard</title>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_path_without_a_slash_redirects_to_the_page_so_its_relative_assets_resolve()
    {
        using var client = host.Api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.SendAsync(Get("/dashboard", Bearer(SessionAccounts.AdminKey)));

        Assert.Equal((HttpStatusCode.MovedPermanently, "/dashboard/"), (response.StatusCode, response.Headers.Location?.OriginalString));
    }

    [Fact]
    public async Task The_page_loads_its_assets_from_this_service_only()
    {
        using var client = host.Api.CreateClient();
        var html = await (await client.SendAsync(Get("/dashboard/", Bearer(SessionAccounts.AdminKey)))).Content.ReadAsStringAsync();

        var assets = AssetUrl().Matches(html).Select(m => m.Groups["url"].Value).ToList();

        Assert.Equal(["favicon.ico", "favicon.ico", "./index.min.js", "./index.css"], assets);
        foreach (var asset in assets)
        {
            var response = await client.SendAsync(Get(new Uri(new Uri("http://localhost/dashboard/"), asset).AbsolutePath, Bearer(SessionAccounts.AdminKey)));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var css = await (await client.SendAsync(Get("/dashboard/index.css", Bearer(SessionAccounts.AdminKey)))).Content.ReadAsStringAsync();
        Assert.DoesNotMatch(ExternalCssUrl(), css);
    }

    [Fact]
    public async Task The_data_endpoint_answers_an_Admin_key_with_the_cluster_counters()
    {
        using var client = host.Api.CreateClient();
        var admin = Basic($"anyone:{SessionAccounts.AdminKey}");

        await Eventually.Until(
            async () =>
            {
                var response = await client.SendAsync(Get("/dashboard/DashboardCounters", admin));
                Assert.Equal((HttpStatusCode.OK, "application/json"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
                using var counters = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                return counters.RootElement.GetProperty("totalActiveHostCount").GetInt32() == 1;
            },
            "the dashboard counts the one silo");
    }

    [Theory]
    [InlineData("/dashboard/GrainState?grainId=session/x&grainType=Telephony.Grains.Sessions.SessionGrain")]
    [InlineData("/dashboard/Trace")]
    public async Task Grain_state_and_the_log_stream_cross_accounts_and_are_refused_as_problems(string path)
    {
        using var client = host.Api.CreateClient();

        var response = await client.SendAsync(Get(path, Bearer(SessionAccounts.AdminKey)));

        Assert.Equal((HttpStatusCode.Forbidden, "application/problem+json"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
    }

    [Fact]
    public async Task Basic_credentials_are_not_accepted_on_other_routes()
    {
        using var client = host.Api.CreateClient();

        var response = await client.SendAsync(Get("/sessions", Basic($"anyone:{SessionAccounts.AdminKey}")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(response.Headers.WwwAuthenticate);
    }

    private static HttpRequestMessage Get(string path, AuthenticationHeaderValue? authorization) =>
        new(HttpMethod.Get, path) { Headers = { Authorization = authorization } };

    private static AuthenticationHeaderValue Credentials(string scheme, string key) =>
        scheme == "basic" ? Basic($"browser:{key}") : Bearer(key);

    private static AuthenticationHeaderValue Bearer(string key) => new("Bearer", key);

    private static AuthenticationHeaderValue Basic(string userAndPassword) => new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(userAndPassword)));

    [GeneratedRegex("""(?:src|href)\s*=\s*"(?<url>[^"]*)""")]
    private static partial Regex AssetUrl();

    [GeneratedRegex(@"url\(\s*['""]?(?:https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalCssUrl();
}
