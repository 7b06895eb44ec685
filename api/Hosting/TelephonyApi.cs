using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Telephony.Api.AgentConsole;
using Telephony.Api.Boundary;
using Telephony.Api.Dashboard;
using Telephony.Api.Errors;
using Telephony.Api.Health;
using Telephony.Api.Pages;
using Telephony.Api.Routing;
using Telephony.Api.Sdk;
using Telephony.Api.Security;
using Telephony.Api.Sessions;
using Telephony.Api.Simulator;
using Telephony.Api.Webhooks;
using Telephony.GrainInterfaces.Calls;
using Telephony.Grains;
using Telephony.Providers;
using Telephony.Providers.Accounts;
using Telephony.SiloHost;

namespace Telephony.Api.Hosting;

/// <summary>Wires the HTTP front door and the co-hosted silo.</summary>
public static class TelephonyApi
{
    /// <summary>
    /// Co-hosts a silo, or connects to the cluster's silos as a client front door (<c>Telephony:Api:Mode</c>), and adds
    /// authentication, problem details, OpenAPI and JSON settings.
    /// </summary>
    public static WebApplicationBuilder AddTelephonyApi(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var node = FrontDoor.FromConfiguration(configuration);
        var services = builder.Services;
        services.AddSingleton(node);
        if (node.Mode == ApiMode.Client)
        {
            builder.UseOrleansClient(client => client.AddTelephonyClient(configuration));
            services.AddTelephonyGrains(configuration);
        }
        else
        {
            builder.UseOrleans(silo => silo.AddTelephony(configuration));
        }

        services.AddSingleton(sp => TelephonyGrains.CreateSimulators(sp, () => OwnAddress(sp)));
        services.AddSingleton(_ => ApiKeyRegistry.FromConfiguration(configuration));
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiRoles.AnyUser, p => p.RequireRole(ApiRoles.User, ApiRoles.Admin))
            .AddPolicy(ApiRoles.AdminOnly, p => p.RequireRole(ApiRoles.Admin));
        services.AddSingleton<WebhookServices>();
        services.AddSingleton<WebhookTurns>();
        services.AddTelephonyLimits(configuration);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        return builder;
    }

    /// <summary>Maps every endpoint group.</summary>
    public static WebApplication MapTelephonyApi(this WebApplication app)
    {
        // Built now so a configuration mistake stops the start-up with its message instead of failing requests later.
        var keys = app.Services.GetRequiredService<ApiKeyRegistry>();
        if (keys.All.Count(k => k.ConfiguredInClear) is var clear and > 0)
        {
            app.Logger.LogWarning(
                "{Count} API key(s) are configured in clear (Key); configure their SHA-256 as KeySha256 instead (dotnet run --project api -- keys new)",
                clear);
        }

        var accounts = app.Services.GetRequiredService<AccountRegistry>();
        if (app.Services.GetRequiredService<FrontDoor>().Mode == ApiMode.Client && accounts.All.FirstOrDefault(a => a.Provider == ProviderKind.Simulator) is { } simulated)
        {
            // The Simulator plays the provider inside one process: calls placed on this node would be unknown to the silos' simulators.
            throw new SettingException(
                "Telephony:Accounts",
                $"account '{simulated.Id}' is on the Simulator, which runs inside one process; a client front door (Telephony:Api:Mode=Client) serves Twilio and Bandwidth accounts only.");
        }

        app.UseExceptionHandler();
        // Problem details whatever the request accepts: a client that asked for XML still learns what was wrong.
        app.UseStatusCodePages(context => TypedResults.Problem(statusCode: context.HttpContext.Response.StatusCode).ExecuteAsync(context.HttpContext));
        app.UseRequestSizeLimits();
        app.UseSdkFiles();
        app.UseConsoleFiles();
        app.UseJsonCharsetCheck();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseRouteIdCheck();
        app.MapOpenApi();
        app.MapFrontPage();
        app.MapApiReference();
        app.MapHealthEndpoints();
        app.MapTwilioWebhooks();
        app.MapBandwidthWebhooks();
        app.MapSimulatorEndpoints();
        app.MapWorkspaceEndpoints();
        app.MapReservationEndpoints();
        app.MapRoutingListEndpoints();
        app.MapSessionEndpoints();
        app.MapTelephonyDashboard(app.Configuration);
        return app;
    }

    /// <summary>
    /// Where the Simulator delivers callbacks: this process's own listening address (a wildcard host
    /// becomes loopback), or the public base URL when the server reports none (in-process test hosts).
    /// </summary>
    internal static Uri OwnAddress(IServiceProvider services)
    {
        var address = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
        {
            return services.GetRequiredService<IOptions<ProviderOptions>>().Value.PublicBaseUrl;
        }

        var url = new UriBuilder(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal));
        if (url.Host is "0.0.0.0" or "[::]" or "::")
        {
            url.Host = "127.0.0.1";
        }

        return url.Uri;
    }
}
