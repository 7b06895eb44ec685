using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Dashboard;
using Telephony.Api.Security;
using Telephony.SiloHost;

namespace Telephony.Api.Dashboard;

/// <summary>
/// The Orleans Dashboard at <c>/dashboard</c> when <c>Telephony:Dashboard:Enabled</c>, for Admin keys only: as a bearer
/// header, or as the password of HTTP Basic credentials so a browser can prompt for it.
/// </summary>
public static class DashboardEndpoints
{
    /// <summary>Where the dashboard is served.</summary>
    public const string Path = "/dashboard";

    /// <summary>The realm browsers show when they prompt for the key.</summary>
    public static readonly BasicAuthRealm Realm = new("Telephony dashboard");

    /// <summary>Maps the dashboard when it is on; when off, its paths are unknown routes like any other (404).</summary>
    public static IEndpointRouteBuilder MapTelephonyDashboard(this IEndpointRouteBuilder routes, IConfiguration configuration)
    {
        if (!TelephonyDashboard.IsEnabled(configuration))
        {
            return routes;
        }

        var dashboard = routes.MapOrleansDashboard(Path)
            .RequireAuthorization(ApiRoles.AdminOnly)
            .WithMetadata(Realm)
            .ExcludeFromDescription()
            .AddEndpointFilter(ProblemForErrors);

        // A grain's state may be any account's data, and an Admin key is one account's: the dashboard shows statistics only.
        // Ordered before the package's own endpoint of the same route.
        dashboard.MapGet("/GrainState", () => TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                detail: "The dashboard does not show grain state: it would show other accounts' data."))
            .WithOrder(-1);
        return routes;
    }

    /// <summary>The package answers some errors as plain text or with no body; every error of ours is problem details.</summary>
    private static async ValueTask<object?> ProblemForErrors(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        return result is IStatusCodeHttpResult { StatusCode: >= 400 and var status } and not ProblemHttpResult
            ? TypedResults.Problem(statusCode: status)
            : result;
    }
}
