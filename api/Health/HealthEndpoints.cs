using Telephony.Runtime;

namespace Telephony.Api.Health;

/// <summary>Liveness (the process answers) and readiness (the silo runs and its store answers).</summary>
public static class HealthEndpoints
{
    /// <summary>Maps <c>/health/live</c> and <c>/health/ready</c>.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        var health = routes.MapGroup("/health").WithTags("Health");
        health.MapGet("/live", (Silo silo) => TypedResults.Ok(new HealthReport("Healthy", silo.Name, null)));
        health.MapGet("/ready", ReadyAsync);
        return routes;
    }

    private static async Task<IResult> ReadyAsync(Silo silo, CancellationToken cancellationToken)
    {
        var store = silo.IsRunning && await silo.Storage.PingAsync(cancellationToken);
        var report = new HealthReport(store ? "Healthy" : "Unhealthy", silo.Name, store);
        return store ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
