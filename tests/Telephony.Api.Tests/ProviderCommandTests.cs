using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Telephony.GrainInterfaces.Calls;
using Telephony.Providers;

namespace Telephony.Api.Tests;

/// <summary>The provider grain runs commands through the account's real adapter against a loopback Twilio API.</summary>
public sealed class ProviderCommandTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly Queue<int> _statuses = new();
    private WebApplication _twilio = null!;
    private ApiFactory _api = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _twilio = builder.Build();
        _twilio.MapPost("/{**path}", (HttpContext http) =>
        {
            _requests.Enqueue($"{http.Request.Method} {http.Request.Path}");
            int status;
            lock (_statuses)
            {
                status = _statuses.Count > 0 ? _statuses.Dequeue() : 200;
            }

            return Results.Text("""{"sid":"CA11111111111111111111111111111111","call_sid":"CA11111111111111111111111111111111"}""", "application/json", statusCode: status);
        });
        await _twilio.StartAsync();
        var address = _twilio.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();

        var settings = WebhookAccounts.Settings();
        settings["Telephony:Accounts:0:Twilio:ApiBaseUrl"] = address;
        settings["Telephony:Providers:RetryBaseDelay"] = "00:00:00.001";
        _api = new ApiFactory(settings);
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _twilio.DisposeAsync();
    }

    [Fact]
    public async Task An_idempotent_command_is_retried_through_transient_failures()
    {
        Fail(503, 503);

        await Provider().Execute("acme-twilio", new HangupCommand { CommandId = "cmd-1", CallId = "CA22222222222222222222222222222222" });

        var path = $"POST /2010-04-01/Accounts/{WebhookAccounts.TwilioAccountSid}/Calls/CA22222222222222222222222222222222.json";
        Assert.Equal([path, path, path], _requests);
    }

    [Fact]
    public async Task A_dial_is_never_retried_because_it_would_place_a_second_call()
    {
        Fail(503);

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            Provider().Execute("acme-twilio", new DialCommand { CommandId = "cmd-2", From = "+15551230001", To = "+15557654321" }));

        Assert.True(error.IsTransient);
        Assert.Single(_requests);
    }

    [Fact]
    public async Task A_refused_command_is_not_retried()
    {
        Fail(400);

        await Assert.ThrowsAsync<ProviderException>(() =>
            Provider().Execute("acme-twilio", new HangupCommand { CommandId = "cmd-3", CallId = "CA22222222222222222222222222222222" }));

        Assert.Single(_requests);
    }

    [Fact]
    public async Task A_dial_returns_the_new_call_id()
    {
        var result = await Provider().Execute("acme-twilio", new DialCommand { CommandId = "cmd-4", From = "+15551230001", To = "+15557654321" });

        Assert.Equal("CA11111111111111111111111111111111", result.CallId);
    }

    private void Fail(params int[] statuses)
    {
        lock (_statuses)
        {
            foreach (var status in statuses)
            {
                _statuses.Enqueue(status);
            }
        }
    }

    private IProviderGrain Provider() =>
        _api.Services.GetRequiredService<IGrainFactory>().GetGrain<IProviderGrain>(CallKeys.Provider(ProviderKind.Twilio));
}
