using Orleans;
using Telephony.GrainInterfaces.Routing;

namespace Telephony.Api.Hosting;

/// <summary>
/// Start-up of the development account: creates its well-known workspace, queue and agent worker through the grains
/// (a later start, or another node at once, finds them and creates nothing twice), then, once the server listens, logs
/// its keys and the console's address. Registered after the silo, so it runs once the silo is up and before the server
/// takes requests: a call placed as soon as the node answers is routed.
/// </summary>
internal sealed partial class DevelopmentStartup(
    DevelopmentRouting routing,
    IGrainFactory grains,
    IHostApplicationLifetime lifetime,
    IServiceProvider services,
    ILogger<DevelopmentStartup> logger) : IHostedService
{
    /// <summary>How long the development queue's offers wait for the agent: time to see one in the console and answer.</summary>
    public const int ReservationTimeoutSeconds = 60;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (routing.Provisioned)
        {
            await ProvisionAsync();
        }

        lifetime.ApplicationStarted.Register(() => Started(logger, DevelopmentAccount.Id, DevelopmentAccount.CallerId, DevelopmentAccount.AdminKey, DevelopmentAccount.AgentKey, ConsoleAddress()));
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ProvisionAsync()
    {
        var workspace = grains.GetGrain<IWorkspaceGrain>(DevelopmentAccount.WorkspaceSid);
        Made("workspace", DevelopmentAccount.WorkspaceSid, await workspace.Create(new CreateWorkspaceRequest(DevelopmentAccount.Id, "Support")));
        Made("task queue", DevelopmentAccount.TaskQueueSid, await workspace.CreateTaskQueueWithSid(
            DevelopmentAccount.TaskQueueSid,
            new CreateTaskQueueRequest("Support", ReservationTimeout: ReservationTimeoutSeconds)));

        // Offline until the agent goes available in the console, so no call is offered to a console nobody has open.
        Made("worker", DevelopmentAccount.WorkerSid, await workspace.CreateWorkerWithSid(
            DevelopmentAccount.WorkerSid,
            new CreateWorkerRequest("Agent", """{"contact_uri":"client:agent"}""", WorkerActivity.Offline)));
    }

    /// <summary>Logs what was created or found; anything else stops the start-up, since the account could not route.</summary>
    private void Made<T>(string kind, string sid, RoutingResult<T> result)
        where T : class
    {
        switch (result.Outcome)
        {
            case RoutingOutcome.Success:
                Provisioned(logger, kind, sid, "created");
                break;
            case RoutingOutcome.IllegalTransition:
                Provisioned(logger, kind, sid, "found");
                break;
            default:
                throw new InvalidOperationException($"The development {kind} {sid} could not be made: {result.Outcome}: {result.Error}");
        }
    }

    /// <summary>The console with the workspace and worker filled in, on this node's own address.</summary>
    private string ConsoleAddress() => new Uri(TelephonyApi.OwnAddress(services), routing.ConsolePath()).ToString();

    [LoggerMessage(Level = LogLevel.Information, Message = "Development routing: {Kind} {Sid} {What}")]
    private static partial void Provisioned(ILogger logger, string kind, string sid, string what);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "No account configured: using account '{AccountId}' on the Simulator (caller id {CallerId}). Admin key: {AdminKey}  Agent key: {AgentKey}  Console: {ConsoleAddress}")]
    private static partial void Started(ILogger logger, string accountId, string callerId, string adminKey, string agentKey, string consoleAddress);
}
