using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Telephony.Grains;
using Telephony.Testing;

namespace Telephony.Api.Tests;

/// <summary>
/// The API host with the given configuration (in-memory store unless told otherwise). By default it runs on
/// in-process HTTP and the Simulator's callbacks reach it that way too; with <paramref name="kestrel"/> it listens
/// on a loopback port, clients and the Simulator talk to it over real HTTP.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly bool _kestrel;

    /// <summary>Creates the host; call <see cref="WebApplicationFactory{TEntryPoint}.CreateClient()"/> to start it.</summary>
    public ApiFactory(IReadOnlyDictionary<string, string?>? settings = null, bool kestrel = false)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        _kestrel = kestrel;
        if (kestrel)
        {
            UseKestrel(0);
        }
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Telephony:Storage:Provider", "Memory");

        // Hosts of many test classes run at once in this process, each with a silo of its own.
        var ports = LoopbackPorts.Take(2);
        builder.UseSetting("Telephony:Silo:SiloPort", ports[0].ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Telephony:Silo:GatewayPort", ports[1].ToString(CultureInfo.InvariantCulture));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (!_kestrel)
        {
            builder.ConfigureServices(services => services.AddHttpClient(TelephonyGrains.SimulatorHttpClientName)
                .ConfigurePrimaryHttpMessageHandler(sp => ((TestServer)sp.GetRequiredService<IServer>()).CreateHandler()));
        }
    }
}
