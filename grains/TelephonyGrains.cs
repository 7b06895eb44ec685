using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Telephony.GrainInterfaces.Routing;
using Telephony.Grains.Calls;
using Telephony.Grains.Routing;
using Telephony.Grains.Sessions;
using Telephony.Grains.Sessions.Events;
using Telephony.Providers;
using Telephony.Providers.Accounts;
using Telephony.Providers.Simulator;

namespace Telephony.Grains;

/// <summary>Registers the services the product's grains depend on; Orleans finds the grains themselves in this assembly.</summary>
public static class TelephonyGrains
{
    /// <summary>Name of the HttpClient the simulator delivers callbacks with.</summary>
    public const string SimulatorHttpClientName = "telephony-simulator";

    /// <summary>
    /// Adds accounts, provider adapters, the worker and session event broadcasters, reservation timeout settings and the JSON
    /// contract of the grains' stored state.
    /// </summary>
    public static IServiceCollection AddTelephonyGrains(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
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
        services.AddOptions<ReservationTimeoutOptions>().Bind(configuration.GetSection("Telephony:Routing"));
        services.AddHttpClient(CallProviderCatalog.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<CallProviderCatalog>();
        services.AddSingleton<InstructionTargets>();
        services.AddSingleton<CallGrainReferences>();
        services.AddHttpClient(SimulatorHttpClientName);
        services.TryAddSingleton(sp => CreateSimulators(sp, () => sp.GetRequiredService<IOptions<ProviderOptions>>().Value.PublicBaseUrl));
        services.TryAddSingleton<WorkerEventBroadcaster>();
        services.TryAddSingleton<SessionEventBroadcaster>();
        services.AddOptions<SystemTextJsonGrainStorageSerializerOptions>().Configure(o => UseStateJson(o.JsonSerializerOptions));
        return services;
    }

    /// <summary>The simulators of all Simulator accounts, delivering callbacks to <paramref name="deliveryBaseUrl"/>.</summary>
    public static SimulatorNetworkRegistry CreateSimulators(IServiceProvider services, Func<Uri> deliveryBaseUrl) => new(
        services.GetRequiredService<IOptions<ProviderOptions>>().Value.PublicBaseUrl,
        deliveryBaseUrl,
        services.GetRequiredService<IHttpClientFactory>().CreateClient(SimulatorHttpClientName),
        services.GetRequiredService<TimeProvider>(),
        services.GetRequiredService<ILoggerFactory>());

    /// <summary>
    /// Grain state is stored as System.Text.Json from source-generated contracts, with no type names in it. It is
    /// written on every change, so it is kept small: absent (null) values are left out, which reads back the same
    /// because no state property defaults to anything but null, and nothing is escaped for HTML, since stored state
    /// is never embedded in a page (a phone number's '+' stays one byte).
    /// </summary>
    private static void UseStateJson(System.Text.Json.JsonSerializerOptions options)
    {
        options.TypeInfoResolverChain.Insert(0, CallStateJsonContext.Default);
        options.TypeInfoResolverChain.Insert(1, SessionStateJsonContext.Default);
        options.TypeInfoResolverChain.Insert(2, RoutingStateJsonContext.Default);
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    }
}
