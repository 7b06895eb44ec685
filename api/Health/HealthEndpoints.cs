using Orleans;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Storage;
using Telephony.Api.Hosting;

namespace Telephony.Api.Health;

/// <summary>
/// Liveness (the process answers) and readiness (the co-hosted silo is active and its grain store answers), which also
/// tells this node's membership status and how many silos it sees active.
/// </summary>
public static class HealthEndpoints
{
    private static readonly GrainId Probe = GrainId.Create("health", "probe");

    /// <summary>Maps <c>/health/live</c> and <c>/health/ready</c>.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        var health = routes.MapGroup("/health").WithTags("Health");
        health.MapGet("/live", (ILocalSiloDetails silo) => TypedResults.Ok(new HealthReport("Healthy", silo.Name, null)))
            .Describe("Live", "Whether the process runs").Problems(StatusCodes.Status431RequestHeaderFieldsTooLarge);
        health.MapGet("/ready", ReadyAsync)
            .Describe("Ready", "Whether the silo is active and its store answers (503 with the same report when not)")
            .Answers<HealthReport>().Answers<HealthReport>(StatusCodes.Status503ServiceUnavailable)
            .Problems(StatusCodes.Status431RequestHeaderFieldsTooLarge);
        return routes;
    }

    private static async Task<IResult> ReadyAsync(ILocalSiloDetails silo, ISiloStatusOracle membership, IServiceProvider services, ILogger<HealthReport> logger, CancellationToken cancellationToken)
    {
        var status = membership.CurrentStatus;
        var store = status == SiloStatus.Active && await StoreAnswersAsync(services, logger, cancellationToken);
        var ready = status == SiloStatus.Active && store;
        var report = new HealthReport(ready ? "Healthy" : "Unhealthy", silo.Name, store, status.ToString(), membership.GetApproximateSiloStatuses(onlyActive: true).Count);
        return ready ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>Reads a record that is never written: any provider answers that without touching grain state.</summary>
    private static async Task<bool> StoreAnswersAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            var storage = services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
            await storage.ReadStateAsync("health", Probe, new GrainState<HealthReport?>(), cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The grain store did not answer the readiness probe");
            return false;
        }
    }
}
