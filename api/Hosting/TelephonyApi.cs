using Telephony.Api.Errors;
using Telephony.Api.Health;
using Telephony.Api.Webhooks;
using Telephony.SiloHost;

namespace Telephony.Api.Hosting;

/// <summary>Wires the HTTP front door and the co-hosted silo.</summary>
public static class TelephonyApi
{
    /// <summary>Adds the silo, problem details, OpenAPI and JSON settings.</summary>
    public static IServiceCollection AddTelephonyApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTelephonySilo(configuration);
        services.AddSingleton<WebhookServices>();
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        return services;
    }

    /// <summary>Maps every endpoint group.</summary>
    public static WebApplication MapTelephonyApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapHealthEndpoints();
        app.MapTwilioWebhooks();
        app.MapBandwidthWebhooks();
        return app;
    }
}
