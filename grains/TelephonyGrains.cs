using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telephony.Grains.Calls;
using Telephony.Grains.Routing;
using Telephony.Grains.Sessions;
using Telephony.Providers;
using Telephony.Providers.Accounts;
using Telephony.Providers.Simulator;
using Telephony.Runtime;

namespace Telephony.Grains;

/// <summary>Registers the product's grains and the services they depend on.</summary>
public static class TelephonyGrains
{
    /// <summary>Adds every grain of this assembly, their state contracts, accounts and provider adapters.</summary>
    public static GrainRuntimeBuilder AddTelephonyGrains(this GrainRuntimeBuilder builder, IConfiguration configuration)
    {
        builder.AddGrains(typeof(TelephonyGrains).Assembly).AddJsonContext(CallStateJsonContext.Default).AddJsonContext(SessionStateJsonContext.Default).AddRoutingGrains();
        var services = builder.Services;
        services.AddSingleton(_ => AccountRegistry.FromConfiguration(configuration));
        services.AddOptions<ProviderOptions>().Configure(o =>
        {
            if (configuration["Telephony:PublicBaseUrl"] is { } url)
            {
                o.PublicBaseUrl = Uri.TryCreate(url, UriKind.Absolute, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"Telephony:PublicBaseUrl '{url}' is not an absolute URL.");
            }
        }).Bind(configuration.GetSection("Telephony:Providers"));
        services.AddHttpClient(CallProviderCatalog.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<CallProviderCatalog>();
        services.AddHttpClient(SimulatorHttpClientName);
        services.AddSingleton(sp => CreateSimulators(sp, () => sp.GetRequiredService<IOptions<ProviderOptions>>().Value.PublicBaseUrl));
        return builder;
    }

    /// <summary>Name of the HttpClient the simulator delivers callbacks with.</summary>
    public const string SimulatorHttpClientName = "telephony-simulator";

    /// <summary>The simulators of all Simulator accounts, delivering callbacks to <paramref name="deliveryBaseUrl"/>.</summary>
    public static SimulatorNetworkRegistry CreateSimulators(IServiceProvider services, Func<Uri> deliveryBaseUrl) => new(
        services.GetRequiredService<IOptions<ProviderOptions>>().Value.PublicBaseUrl,
        deliveryBaseUrl,
        services.GetRequiredService<IHttpClientFactory>().CreateClient(SimulatorHttpClientName),
        services.GetRequiredService<TimeProvider>(),
        services.GetRequiredService<ILoggerFactory>());
}
