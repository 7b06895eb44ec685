using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Hosting;

namespace Telephony.SiloHost;

/// <summary>
/// OpenTelemetry export when <c>Telephony:Telemetry:OtlpEndpoint</c> is set: our metrics and Orleans', ASP.NET Core's
/// and HttpClient's, and traces that follow a call from a webhook through the grains on every silo (Orleans carries
/// the trace context on grain calls), sent over OTLP/HTTP.
/// </summary>
public static class TelephonyTelemetry
{
    /// <summary>Meters exported: ours (<c>Telephony.*</c>), Orleans', the HTTP server's and client's.</summary>
    private static readonly string[] Meters = ["Telephony.*", "Microsoft.Orleans", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http"];

    /// <summary>Activity sources exported: ours, Orleans' runtime and application calls, the HTTP server's and client's.</summary>
    private static readonly string[] Sources = ["Telephony.*", "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", "Microsoft.AspNetCore", "System.Net.Http"];

    /// <summary>Adds the export to <paramref name="silo"/> when an OTLP endpoint is configured; nothing otherwise.</summary>
    public static ISiloBuilder AddTelephonyTelemetry(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return AddExport(silo.Services, configuration) ? silo.AddActivityPropagation() : silo;
    }

    /// <summary>Adds the export to a client front door when an OTLP endpoint is configured; nothing otherwise.</summary>
    public static IClientBuilder AddTelephonyTelemetry(this IClientBuilder client, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(client);
        return AddExport(client.Services, configuration) ? client.AddActivityPropagation() : client;
    }

    private static bool AddExport(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var endpoint = configuration["Telephony:Telemetry:OtlpEndpoint"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return false;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new SettingException("Telephony:Telemetry:OtlpEndpoint", $"'{endpoint}' is not an absolute http(s) URL of an OTLP/HTTP collector, such as http://127.0.0.1:4318.");
        }

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["Telephony:Telemetry:ServiceName"] ?? "telephony", serviceInstanceId: configuration["Telephony:Silo:Name"] ?? Environment.MachineName))
            .WithMetrics(m => m.AddMeter(Meters))
            .WithTracing(t => t.AddSource(Sources))
            .UseOtlpExporter(OtlpExportProtocol.HttpProtobuf, uri);
        return true;
    }
}
