using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Telephony.GrainInterfaces.Routing;

/// <summary>
/// Waiting-task creation as the waiting list grows: eight clients create tasks in one workspace that has a queue and no
/// workers, so every task stays waiting; the rate, p99 and CPU per task over the 1,000 tasks made after 1 k and 10 k wait.
/// </summary>
internal static class WaitingTasks
{
    private const int Window = 1_000;
    private const int Clients = 8;

    public static async Task RunAsync(string storage)
    {
        var run = new GrowthRun([1_000, 10_000], Window, Clients);
        await using var node = await BenchNode.StartAsync(storage, new Dictionary<string, string?>
        {
            ["Telephony:Accounts:0:Id"] = "bench",
        });
        var grains = node.Services.GetRequiredService<IGrainFactory>();

        // Another workspace's tasks first, so the measured ones run on tiered-up code.
        var (warmup, warmupQueue) = await WorkspaceAsync(grains);
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 5_000 / Clients; i++)
            {
                await warmup.CreateTask(new CreateTaskRequest(warmupQueue, """{"type":"call"}"""));
            }
        })));

        var (workspace, queue) = await WorkspaceAsync(grains);

        await run.RunAsync("waiting tasks", $"in one workspace without workers, store {storage}", async (_, i) =>
        {
            var created = await workspace.CreateTask(new CreateTaskRequest(queue, """{"type":"call"}"""));
            if (!created.IsSuccess)
            {
                throw new InvalidOperationException($"Task {i} failed: {created.Error}");
            }
        });
    }

    /// <summary>A new workspace with one queue and no workers.</summary>
    private static async Task<(IWorkspaceGrain Workspace, string QueueSid)> WorkspaceAsync(IGrainFactory grains)
    {
        var workspace = grains.GetGrain<IWorkspaceGrain>(RoutingSids.New(RoutingSids.WorkspacePrefix));
        await workspace.Create(new CreateWorkspaceRequest("bench", "Bench"));
        return (workspace, (await workspace.CreateTaskQueue(new CreateTaskQueueRequest("Support", ["en"]))).Value!.Sid);
    }
}
