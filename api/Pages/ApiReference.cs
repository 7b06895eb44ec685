using Scalar.AspNetCore;

namespace Telephony.Api.Pages;

/// <summary>
/// The API reference at <c>/reference</c>: Scalar's page rendering <c>/openapi/v1.json</c>, served entirely by this
/// service: its script from the package's embedded bundle, no web fonts from a CDN, no telemetry, no hosted agent.
/// </summary>
internal static class ApiReference
{
    /// <summary>Where the reference is served.</summary>
    public const string Path = "/reference";

    /// <summary>Maps the reference page and its script.</summary>
    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder routes)
    {
        routes.MapScalarApiReference(Path, static options => options
            .WithTitle("Telephony API reference")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp());
        return routes;
    }
}
