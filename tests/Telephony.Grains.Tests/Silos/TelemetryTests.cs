using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Telephony.GrainInterfaces.Routing;
using Telephony.SiloHost;
using Telephony.Testing;
using static Telephony.Grains.Tests.Routing.RoutingHarness;

namespace Telephony.Grains.Tests.Silos;

/// <summary>With an OTLP endpoint configured, the node exports its grain calls as traces and its metrics over OTLP/HTTP.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task A_grain_call_is_exported_as_a_trace_and_the_metrics_follow_to_the_configured_collector()
    {
        var ports = LoopbackPorts.Take(3);
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{ports[0]}/");
        collector.Start();
        var received = new ConcurrentBag<(string Path, string Body)>();
        var listening = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    var context = await collector.GetContextAsync();
                    using var body = new MemoryStream();
                    await context.Request.InputStream.CopyToAsync(body);
                    received.Add((context.Request.Url!.AbsolutePath, Encoding.UTF8.GetString(body.ToArray())));
                    context.Response.StatusCode = 200;
                    context.Response.Close();
                }
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                // The collector stopped.
            }
        });

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telephony:Storage:Provider"] = "Memory",
            ["Telephony:Silo:SiloPort"] = ports[1].ToString(CultureInfo.InvariantCulture),
            ["Telephony:Silo:GatewayPort"] = ports[2].ToString(CultureInfo.InvariantCulture),
            ["Telephony:Telemetry:OtlpEndpoint"] = $"http://127.0.0.1:{ports[0]}",
        });
        builder.UseOrleans(silo => silo.AddTelephony(builder.Configuration));
        using (var host = builder.Build())
        {
            await host.StartAsync().Within(TimeSpan.FromMinutes(1));
            var workspace = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IWorkspaceGrain>(RoutingSids.New(RoutingSids.WorkspacePrefix));
            Succeeded(await workspace.Create(new CreateWorkspaceRequest(AccountSid, "Support")));

            // Stopping flushes what is buffered to the collector.
            await host.StopAsync().Within(TimeSpan.FromMinutes(1));
        }

        await Eventually.Until(() => Task.FromResult(received.Any(r => r.Path == "/v1/traces") && received.Any(r => r.Path == "/v1/metrics")), "traces and metrics reached the collector");
        collector.Stop();
        await listening.Within();

        Assert.Contains(received, r => r.Path == "/v1/traces" && r.Body.Contains("IWorkspaceGrain", StringComparison.Ordinal));
        Assert.Contains(received, r => r.Path == "/v1/metrics" && r.Body.Contains("telephony", StringComparison.Ordinal));
    }

    [Fact]
    public void An_otlp_endpoint_that_is_not_an_http_url_fails_start_up_naming_the_setting()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Telephony:Storage:Provider"] = "Memory", ["Telephony:Telemetry:OtlpEndpoint"] = "collector:4318" });

        var error = Assert.Throws<SettingException>(() => builder.UseOrleans(silo => silo.AddTelephony(builder.Configuration)));

        Assert.Equal("Telephony:Telemetry:OtlpEndpoint", error.Setting);
    }
}
