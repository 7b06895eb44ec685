using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Telephony.GrainInterfaces.Routing;
using Telephony.Grains.Routing;
using Telephony.Testing;

namespace Telephony.Grains.Tests.Routing;

/// <summary>A one-silo test cluster with the routing grains, one workspace and helpers to build routing scenarios.</summary>
internal sealed class RoutingHarness : IAsyncDisposable
{
    public const string AccountSid = "AC00000000000000000000000000000001";

    private RoutingHarness(TelephonyCluster cluster, string workspaceSid)
    {
        Cluster = cluster;
        WorkspaceSid = workspaceSid;
    }

    public TelephonyCluster Cluster { get; }

    public IGrainFactory Grains => Cluster.GrainFactory;

    public ManualTimeProvider Time => Cluster.Time;

    public WorkerEventBroadcaster Broadcaster => Cluster.SiloService<WorkerEventBroadcaster>();

    public string WorkspaceSid { get; }

    public IWorkspaceGrain Workspace => Grains.GetGrain<IWorkspaceGrain>(WorkspaceSid);

    /// <summary>
    /// Starts a cluster on Orleans' memory storage, or on <paramref name="store"/> to show what a restart keeps; creates a
    /// new workspace unless <paramref name="existingWorkspaceSid"/> names a stored one. No accounts are configured: these
    /// tests never reach a provider (instructions that do are tested with sessions).
    /// </summary>
    public static async Task<RoutingHarness> StartAsync(
        TimeProvider? time = null,
        TemporarySqliteFile? store = null,
        string? existingWorkspaceSid = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        short silos = 1,
        TimeSpan? responseTimeout = null,
        Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?>(store?.Settings ?? new Dictionary<string, string?>());
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var cluster = await TelephonyCluster.StartAsync(all, services, time, silos, responseTimeout);
        var workspaceSid = existingWorkspaceSid ?? RoutingSids.New(RoutingSids.WorkspacePrefix);
        var harness = new RoutingHarness(cluster, workspaceSid);
        if (existingWorkspaceSid is null)
        {
            Succeeded(await harness.Workspace.Create(new CreateWorkspaceRequest(AccountSid, "Support")));
        }

        return harness;
    }

    public static T Succeeded<T>(RoutingResult<T> result)
        where T : class
    {
        Assert.True(result.IsSuccess, $"{result.Outcome}: {result.Error}");
        return result.Value!;
    }

    public IWorkerGrain WorkerGrain(string workerSid) => Grains.GetGrain<IWorkerGrain>(RoutingSids.ScopedKey(WorkspaceSid, workerSid));

    public ITaskGrain TaskGrain(string taskSid) => Grains.GetGrain<ITaskGrain>(RoutingSids.ScopedKey(WorkspaceSid, taskSid));

    public IReservationGrain ReservationGrain(string reservationSid) => Grains.GetGrain<IReservationGrain>(reservationSid);

    public async Task<Worker> AddWorkerAsync(string name, string[] skills, bool available = true) =>
        Succeeded(await Workspace.CreateWorker(new CreateWorkerRequest(
            name,
            $$"""{"skills":[{{string.Join(",", skills.Select(s => $"\"{s}\""))}}],"contact_uri":"client:{{name}}"}""",
            available ? WorkerActivity.Idle : WorkerActivity.Offline)));

    public async Task<TaskQueue> AddQueueAsync(string[] requiredSkills, int reservationTimeout = 120, int maxReservedWorkers = 1) =>
        Succeeded(await Workspace.CreateTaskQueue(new CreateTaskQueueRequest("Queue", requiredSkills, reservationTimeout, maxReservedWorkers)));

    public async Task<RoutingTask> AddTaskAsync(string queueSid, int priority = 0) =>
        Succeeded(await Workspace.CreateTask(new CreateTaskRequest(queueSid, """{"type":"call"}""", priority, "session-1")));

    public async Task<Worker> SetAvailableAsync(string workerSid, bool available) =>
        Succeeded(await WorkerGrain(workerSid).Update(new UpdateWorkerRequest(Activity: available ? WorkerActivity.Idle : WorkerActivity.Offline)));

    public async Task<RoutingTask> GetTaskAsync(string taskSid) => Succeeded(await TaskGrain(taskSid).Get());

    public async Task<Reservation> GetReservationAsync(string reservationSid) => Succeeded(await ReservationGrain(reservationSid).Get());

    /// <summary>The task's reservations, oldest first.</summary>
    public async Task<IReadOnlyList<Reservation>> ReservationsOfAsync(string taskSid)
    {
        var refs = Succeeded(await TaskGrain(taskSid).GetReservations());
        var reservations = new List<Reservation>();
        foreach (var reference in refs)
        {
            reservations.Add(await GetReservationAsync(reference.ReservationSid));
        }

        return reservations;
    }

    /// <summary>Waits until the task has <paramref name="count"/> reservations and returns them.</summary>
    public async Task<IReadOnlyList<Reservation>> WaitForReservationsAsync(string taskSid, int count)
    {
        await Eventually.Until(
            async () => Succeeded(await TaskGrain(taskSid).GetReservations()).Count >= count,
            $"task {taskSid} has {count} reservation(s)");
        return await ReservationsOfAsync(taskSid);
    }

    public async Task<Reservation> WaitForStatusAsync(string reservationSid, ReservationStatus status)
    {
        await Eventually.Until(async () => (await GetReservationAsync(reservationSid)).Status == status, $"reservation {reservationSid} is {status}");
        return await GetReservationAsync(reservationSid);
    }

    public async Task<IReadOnlyList<WorkerEvent>> EventsOfAsync(string workerSid, long afterId = 0) =>
        Succeeded(await WorkerGrain(workerSid).GetEvents(afterId));

    /// <summary>Moves the grains' clock a second at a time (grain timers fire as it passes them) until the condition holds.</summary>
    public Task AdvanceUntilAsync(Func<Task<bool>> condition, string what) =>
        Eventually.Until(
            async () =>
            {
                if (await condition())
                {
                    return true;
                }

                Time.Advance(TimeSpan.FromSeconds(1));
                await Task.Delay(10);
                return false;
            },
            what);

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}
