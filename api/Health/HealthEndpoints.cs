using Orleans;
using Orleans.Runtime;
using Telephony.Api.Hosting;
using Telephony.GrainInterfaces.Health;

namespace Telephony.Api.Health;

/// <summary>
/// Liveness (the process answers) and readiness (this node is active in the cluster and the grain store answers), which
/// also tells this node's membership status and how many silos are active.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>What a client front door reports as its membership status: it is no silo.</summary>
    public const string ClientStatus = "Client";

    /// <summary>Maps <c>/health/live</c> and <c>/health/ready</c>.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        var health = routes.MapGroup("/health").WithTags("Health");
        health.MapGet("/live", (FrontDoor node) => TypedResults.Ok(new HealthReport("Healthy", node.Name, null)))
            .Describe("Live", "Whether the process runs").Problems(StatusCodes.Status431RequestHeaderFieldsTooLarge);
        health.MapGet("/ready", ReadyAsync)
            .Describe("Ready", "Whether this node is active in the cluster and the grain store answers (503 with the same report when not)")
            .Answers<HealthReport>().Answers<HealthReport>(StatusCodes.Status503ServiceUnavailable)
            .Problems(StatusCodes.Status431RequestHeaderFieldsTooLarge);
        return routes;
    }

    /// <summary>
    /// A co-hosted silo asks its own membership and its local store; a client front door asks the cluster, so it is
    /// ready when a gateway answers and the silos' store does.
    /// </summary>
    private static async Task<IResult> ReadyAsync(FrontDoor node, IGrainFactory grains, IServiceProvider services, ILogger<HealthReport> logger)
    {
        var membership = services.GetService<ISiloStatusOracle>();
        var status = membership?.CurrentStatus.ToString() ?? ClientStatus;
        var joined = membership is null || membership.CurrentStatus == SiloStatus.Active;
        int? activeSilos = membership?.GetApproximateSiloStatuses(onlyActive: true).Count;
        var store = false;
        if (joined)
        {
            try
            {
                activeSilos ??= (await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count;
                store = await grains.GetGrain<IStoreProbeGrain>(0).StoreAnswers();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The cluster did not answer the readiness probe");
            }
        }

        var ready = joined && store;
        var report = new HealthReport(ready ? "Healthy" : "Unhealthy", node.Name, store, status, activeSilos);
        return ready ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
