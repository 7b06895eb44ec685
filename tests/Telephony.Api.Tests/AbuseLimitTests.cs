using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Telephony.Api.Boundary;
using Telephony.Api.Webhooks;
using Telephony.Testing;
using static Telephony.Api.Tests.SessionAccounts;

namespace Telephony.Api.Tests;

/// <summary>Requests per API key, callbacks per provider account at once, and request sizes per route family are bounded.</summary>
public sealed class AbuseLimitTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new();
    private readonly ApiFactory _api;
    private WebApplicationFactory<Program> _host = null!;
    private HttpClient _client = null!;

    public AbuseLimitTests()
    {
        var settings = Settings();
        settings["Telephony:Limits:ApiKeyBurst"] = "3";
        settings["Telephony:Limits:ApiKeyRequestsPerSecond"] = "2";
        settings["Telephony:Limits:Api:MaxBodyBytes"] = "200";
        settings["Telephony:Limits:Api:MaxHeaderBytes"] = "2000";
        settings["Telephony:Limits:Other:MaxBodyBytes"] = "100";
        _api = new ApiFactory(settings);
    }

    public Task InitializeAsync()
    {
        _host = _api.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddKeyedSingleton<TimeProvider>(ApiKeyRateLimiter.ClockKey, _clock)));
        _client = _host.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task A_key_past_its_burst_gets_429_with_retry_after_until_its_bucket_refills()
    {
        HttpStatusCode[] burst = [await StatusAsync(AgentKey), await StatusAsync(AgentKey), await StatusAsync(AgentKey)];
        var throttled = await GetAsync(AgentKey);
        var otherKey = await StatusAsync(AdminKey);

        _clock.Advance(TimeSpan.FromSeconds(1));
        HttpStatusCode[] refilled = [await StatusAsync(AgentKey), await StatusAsync(AgentKey), await StatusAsync(AgentKey)];

        Assert.All(burst, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal("1", throttled.Headers.RetryAfter?.ToString());
        var problem = await throttled.Content.ReadFromJsonAsync<HttpValidationProblemDetails>();
        Assert.Equal("Too many requests with this API key.", problem!.Title);
        Assert.Equal(HttpStatusCode.OK, otherKey);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], refilled);
    }

    [Fact]
    public async Task A_body_larger_than_its_route_familys_limit_is_413_naming_the_body()
    {
        var api = await PostAsync("/sessions/outgoing", $$"""{"numberToDial":"+15551230001","callerId":"{{new string('1', 200)}}"}""");
        var simulator = await PostAsync("/simulator/calls/incoming", $$"""{"from":"+15551230001","to":"+15557654321","x":"{{new string('a', 100)}}"}""");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, api.StatusCode);
        Assert.Equal(["The body must be at most 200 bytes."], (await api.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!.Errors["body"]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, simulator.StatusCode);
        Assert.Equal(["The body must be at most 100 bytes."], (await simulator.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!.Errors["body"]);
    }

    [Fact]
    public async Task Headers_larger_than_their_route_familys_limit_are_431_naming_the_headers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sessions");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        request.Headers.Add("X-Padding", new string('a', 2000));

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
        Assert.Equal(["The headers must total at most 2000 bytes."], (await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!.Errors["headers"]);
    }

    [Fact]
    public async Task An_account_has_as_many_callbacks_at_once_as_its_turns_and_queue_then_they_are_refused_until_one_ends()
    {
        using var turns = new WebhookTurns(Options.Create(new LimitOptions { WebhookConcurrencyPerAccount = 1, WebhookQueuePerAccount = 1 }));

        var first = await turns.TakeAsync("acme", CancellationToken.None);
        var waiting = turns.TakeAsync("acme", CancellationToken.None);
        var refused = await turns.TakeAsync("acme", CancellationToken.None);
        var otherAccount = await turns.TakeAsync("globex", CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        first.Dispose();
        var second = await waiting.AsTask().Within();

        Assert.True(first.IsAcquired);
        Assert.False(refused.IsAcquired);
        Assert.True(otherAccount.IsAcquired);
        Assert.True(second.IsAcquired);
    }

    [Fact]
    public async Task A_callback_finding_its_accounts_turns_all_taken_is_429_with_retry_after_and_reaches_nothing()
    {
        var settings = WebhookAccounts.Settings();
        settings["Telephony:Limits:WebhookConcurrencyPerAccount"] = "1";
        settings["Telephony:Limits:WebhookQueuePerAccount"] = "0";
        await using var api = new ApiFactory(settings);
        using var client = api.CreateClient();
        var turns = api.Services.GetRequiredService<WebhookTurns>();
        const string disconnect = """{"eventType":"disconnect","eventTime":"2019-06-20T15:55:55.533Z","accountId":"9900000","callId":"c-1","cause":"hangup"}""";

        HttpResponseMessage refused;
        using (var held = await turns.TakeAsync("acme-bandwidth", CancellationToken.None))
        {
            Assert.True(held.IsAcquired);
            refused = await client.SendAsync(BandwidthCallback(disconnect));
        }

        var accepted = await client.SendAsync(BandwidthCallback(disconnect));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("1", refused.Headers.RetryAfter?.ToString());
        Assert.Equal("Too many callbacks of this account at once; retry.", (await refused.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!.Title);
        Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
    }

    [Fact]
    public void The_defaults_leave_a_busy_contact_center_far_below_every_bound()
    {
        var defaults = new LimitOptions();

        Assert.Equal((1_000, 50), (defaults.ApiKeyBurst, defaults.ApiKeyRequestsPerSecond));
        Assert.Equal((256, 512), (defaults.WebhookConcurrencyPerAccount, defaults.WebhookQueuePerAccount));
        Assert.Equal((256 * 1024L, 64 * 1024L, 16 * 1024L), (defaults.Api.MaxBodyBytes, defaults.Webhooks.MaxBodyBytes, defaults.Other.MaxBodyBytes));
        Assert.Equal(WebhookBody.MaxBytes, defaults.Webhooks.MaxBodyBytes);
        Assert.All(new[] { defaults.Api, defaults.Webhooks, defaults.Other }, limit => Assert.Equal(16 * 1024, limit.MaxHeaderBytes));
    }

    private static HttpRequestMessage BandwidthCallback(string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/bandwidth/voice") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{WebhookAccounts.BandwidthUser}:{WebhookAccounts.BandwidthPassword}")));
        return request;
    }

    private async Task<HttpStatusCode> StatusAsync(string key) => (await GetAsync(key)).StatusCode;

    private Task<HttpResponseMessage> GetAsync(string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/sessions/active");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return _client.SendAsync(request);
    }

    private Task<HttpResponseMessage> PostAsync(string path, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return _client.SendAsync(request);
    }
}
