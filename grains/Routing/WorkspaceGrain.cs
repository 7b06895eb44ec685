using Microsoft.Extensions.Logging;
using Telephony.GrainInterfaces.Routing;
using Telephony.Runtime;

namespace Telephony.Grains.Routing;

/// <summary>
/// A workspace: its account, the sids of its workers, queues and tasks, and the router. Routing runs
/// in this grain's turns, one pass at a time per workspace: waiting tasks, highest priority and then
/// oldest first, are offered to the longest-idle free workers with the queue's skills.
/// </summary>
internal sealed class WorkspaceGrain(
    [PersistentState("workspace")] IPersistentState<WorkspaceState> state,
    ILogger<WorkspaceGrain> logger) : Grain, IWorkspaceGrain
{
    /// <inheritdoc />
    public async Task<RoutingResult<Workspace>> Create(CreateWorkspaceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (state.State.Workspace is { } existing)
        {
            return RoutingResult.IllegalTransition(existing, $"Workspace {existing.Sid} already exists.");
        }

        if (string.IsNullOrWhiteSpace(request.AccountSid) || string.IsNullOrWhiteSpace(request.FriendlyName))
        {
            return RoutingResult.Invalid<Workspace>("A workspace needs an account sid and a friendly name.");
        }

        state.State.Workspace = new Workspace
        {
            Sid = GrainKey,
            AccountSid = request.AccountSid,
            FriendlyName = request.FriendlyName,
            DateCreated = TimeProvider.GetUtcNow(),
        };
        await state.WriteStateAsync();
        return RoutingResult.Success(state.State.Workspace);
    }

    /// <inheritdoc />
    public Task<RoutingResult<Workspace>> Get() =>
        Task.FromResult(state.State.Workspace is { } workspace ? RoutingResult.Success(workspace) : NotFound<Workspace>());

    /// <inheritdoc />
    public async Task<RoutingResult<Worker>> CreateWorker(CreateWorkerRequest request)
    {
        if (state.State.Workspace is not { } workspace)
        {
            return NotFound<Worker>();
        }

        var sid = RoutingSids.New(RoutingSids.WorkerPrefix);
        var created = await GrainFactory.GetGrain<IWorkerGrain>(RoutingSids.ScopedKey(GrainKey, sid)).Create(workspace.AccountSid, request);
        if (!created.IsSuccess)
        {
            return created;
        }

        state.State.WorkerSids.Add(sid);
        await state.WriteStateAsync();
        if (created.Value!.Available)
        {
            await RouteAsync();
        }

        return created;
    }

    /// <inheritdoc />
    public async Task<RoutingResult<TaskQueue>> CreateTaskQueue(CreateTaskQueueRequest request)
    {
        if (state.State.Workspace is not { } workspace)
        {
            return NotFound<TaskQueue>();
        }

        var sid = RoutingSids.New(RoutingSids.TaskQueuePrefix);
        var created = await GrainFactory.GetGrain<ITaskQueueGrain>(RoutingSids.ScopedKey(GrainKey, sid)).Create(workspace.AccountSid, request);
        if (created.IsSuccess)
        {
            state.State.TaskQueueSids.Add(sid);
            await state.WriteStateAsync();
        }

        return created;
    }

    /// <inheritdoc />
    public async Task<RoutingResult<RoutingTask>> CreateTask(CreateTaskRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (state.State.Workspace is not { } workspace)
        {
            return NotFound<RoutingTask>();
        }

        if (!state.State.TaskQueueSids.Contains(request.QueueSid))
        {
            return RoutingResult.Invalid<RoutingTask>($"Task queue {request.QueueSid} does not exist in workspace {GrainKey}.");
        }

        var sid = RoutingSids.New(RoutingSids.TaskPrefix);
        var task = GrainFactory.GetGrain<ITaskGrain>(RoutingSids.ScopedKey(GrainKey, sid));
        var created = await task.Create(workspace.AccountSid, request);
        if (!created.IsSuccess)
        {
            return created;
        }

        state.State.TaskSids.Add(sid);
        state.State.WaitingTasks.Add(new WaitingTask(sid, request.QueueSid, request.Priority, created.Value!.DateCreated, []));
        await state.WriteStateAsync();
        await RouteAsync();
        return await task.Get();
    }

    /// <inheritdoc />
    public Task<RoutingResult<IReadOnlyList<string>>> GetWorkerSids() => Task.FromResult(List(state.State.WorkerSids));

    /// <inheritdoc />
    public Task<RoutingResult<IReadOnlyList<string>>> GetTaskQueueSids() => Task.FromResult(List(state.State.TaskQueueSids));

    /// <inheritdoc />
    public Task<RoutingResult<IReadOnlyList<string>>> GetTaskSids() => Task.FromResult(List(state.State.TaskSids));

    /// <inheritdoc />
    public Task<RoutingResult<IReadOnlyList<WaitingTask>>> GetWaitingTasks() =>
        Task.FromResult(state.State.Workspace is null
            ? NotFound<IReadOnlyList<WaitingTask>>()
            : RoutingResult.Success<IReadOnlyList<WaitingTask>>([.. InOfferOrder(state.State.WaitingTasks)]));

    /// <inheritdoc />
    public async Task RouteTask(WaitingTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (state.State.Workspace is null)
        {
            return;
        }

        state.State.WaitingTasks.RemoveAll(w => w.TaskSid == task.TaskSid);
        state.State.WaitingTasks.Add(task);
        await state.WriteStateAsync();
        await RouteAsync();
    }

    /// <inheritdoc />
    public Task RouteWaitingTasks() => state.State.Workspace is null ? Task.CompletedTask : RouteAsync();

    /// <summary>
    /// One routing pass. A task leaves the waiting list once offered, or when its grain says it is no
    /// longer pending (canceled meanwhile); a task no free worker suits stays for the next pass.
    /// </summary>
    private async Task RouteAsync()
    {
        if (state.State.WaitingTasks.Count == 0)
        {
            return;
        }

        var states = await Task.WhenAll(state.State.WorkerSids.Select(sid =>
            GrainFactory.GetGrain<IWorkerGrain>(RoutingSids.ScopedKey(GrainKey, sid)).GetRoutingState()));
        var free = states.OfType<WorkerRoutingState>().Where(w => w.Available && !w.HasOpenReservation).ToList();
        var queues = new Dictionary<string, TaskQueue?>(StringComparer.Ordinal);
        var freeAtStart = free.Count;
        var offered = 0;
        var changed = false;
        foreach (var waiting in InOfferOrder(state.State.WaitingTasks).ToList())
        {
            if (free.Count == 0)
            {
                break;
            }

            if (!queues.TryGetValue(waiting.QueueSid, out var queue))
            {
                queues[waiting.QueueSid] = queue = (await GrainFactory.GetGrain<ITaskQueueGrain>(RoutingSids.ScopedKey(GrainKey, waiting.QueueSid)).Get()).Value;
            }

            if (queue is null)
            {
                continue;
            }

            var chosen = WorkerSelector.Select(free, queue.RequiredSkills, [.. waiting.ExcludedWorkerSids], queue.MaxReservedWorkers);
            if (chosen.Count == 0)
            {
                continue;
            }

            TaskReservationRef[] offers = [.. chosen.Select(w => new TaskReservationRef(RoutingSids.New(RoutingSids.ReservationPrefix), w.WorkerSid))];
            var result = await GrainFactory.GetGrain<ITaskGrain>(RoutingSids.ScopedKey(GrainKey, waiting.TaskSid))
                .Offer(new TaskOffer(offers, queue.ReservationTimeout));

            if (!result.TaskWasPending)
            {
                // Canceled (or offered by another pass) meanwhile: nothing was offered, the workers are still free.
                state.State.WaitingTasks.Remove(waiting);
                changed = true;
                continue;
            }

            // Workers that declined have become busy or unavailable since they were read: none is free now.
            free.RemoveAll(w => chosen.Contains(w));
            if (result.Made.Count > 0)
            {
                state.State.WaitingTasks.Remove(waiting);
                changed = true;
                offered++;
            }
        }

        if (changed)
        {
            await state.WriteStateAsync();
        }

        RoutingLog.RoutingPass(logger, GrainKey, freeAtStart, offered, state.State.WaitingTasks.Count);
    }

    /// <summary>Highest priority, then oldest, then (the sort is stable) first queued.</summary>
    private static IEnumerable<WaitingTask> InOfferOrder(IEnumerable<WaitingTask> waiting) =>
        waiting.OrderByDescending(w => w.Priority).ThenBy(w => w.DateCreated);

    private RoutingResult<IReadOnlyList<string>> List(List<string> sids) =>
        state.State.Workspace is null ? NotFound<IReadOnlyList<string>>() : RoutingResult.Success<IReadOnlyList<string>>([.. sids]);

    private RoutingResult<T> NotFound<T>()
        where T : class => RoutingResult.NotFound<T>($"Workspace {GrainKey} does not exist.");
}
