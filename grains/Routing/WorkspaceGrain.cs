using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Telephony.Catalog;
using Telephony.GrainInterfaces.Routing;

namespace Telephony.Grains.Routing;

/// <summary>
/// A workspace: its account, the sids of its workers and queues, and the router. Routing runs
/// in this grain's turns, one pass at a time per workspace: waiting tasks, highest priority and then
/// oldest first, are offered to the longest-idle free workers with the queue's skills. The router
/// chooses from an in-memory index of the workers' routing state instead of asking every worker.
/// </summary>
/// <remarks>
/// The index stays in step with the workers: it is read from the workers when this grain activates;
/// after that every worker turn that stores a change reports it with a detached call that is queued
/// here before the turn answers (so any call that follows the change reaches this grain after the
/// report), and reports older than what the index holds are dropped by version. Offers re-validate it:
/// a worker takes an offer only if it really is free, and a refusal makes the router read that worker.
/// </remarks>
[GrainType("workspace")]
internal sealed class WorkspaceGrain(
    [PersistentState("workspace")] IPersistentState<WorkspaceState> state,
    IRoutingCatalog catalog,
    TimeProvider timeProvider,
    ILogger<WorkspaceGrain> logger) : Grain, IWorkspaceGrain
{
    /// <summary>Pending tasks read per catalog page while the waiting list is rebuilt.</summary>
    private const int WaitingPageSize = 1000;

    private readonly WorkerIndex _workers = new();

    /// <summary>
    /// Pending tasks waiting for workers. Not stored: each task's own state (and the catalog entry it writes after it)
    /// says it is pending, so the list is read back from the catalog when the workspace activates, and creating a task
    /// costs no write here however many wait.
    /// </summary>
    private readonly List<WaitingTask> _waiting = [];

    private string GrainKey => field ??= this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Workspace is null)
        {
            return;
        }

        // Reports sent while these reads run queue behind the activation; those the reads already include are dropped by version.
        var workers = await Task.WhenAll(state.State.WorkerSids.Select(sid => WorkerGrain(sid).GetRoutingState()));
        foreach (var worker in workers.OfType<WorkerRoutingState>())
        {
            _workers.Apply(worker);
        }

        RoutingLog.WorkerIndexBuilt(logger, GrainKey, _workers.Count, _workers.FreeCount);
        await ReadWaitingTasksAsync(cancellationToken);
    }

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
            DateCreated = timeProvider.GetUtcNow(),
        };
        await state.WriteStateAsync();
        return RoutingResult.Success(state.State.Workspace);
    }

    /// <inheritdoc />
    public Task<RoutingResult<Workspace>> Get() =>
        Task.FromResult(state.State.Workspace is { } workspace ? RoutingResult.Success(workspace) : NotFound<Workspace>());

    /// <inheritdoc />
    public Task<RoutingResult<Worker>> CreateWorker(CreateWorkerRequest request) => CreateWorkerAsync(RoutingSids.New(RoutingSids.WorkerPrefix), request);

    /// <inheritdoc />
    public Task<RoutingResult<Worker>> CreateWorkerWithSid(string workerSid, CreateWorkerRequest request) =>
        RoutingSids.IsValid(RoutingSids.WorkerPrefix, workerSid)
            ? CreateWorkerAsync(workerSid, request)
            : Task.FromResult(RoutingResult.Invalid<Worker>($"'{workerSid}' is not a worker sid."));

    /// <inheritdoc />
    public Task<RoutingResult<TaskQueue>> CreateTaskQueue(CreateTaskQueueRequest request) => CreateTaskQueueAsync(RoutingSids.New(RoutingSids.TaskQueuePrefix), request);

    /// <inheritdoc />
    public Task<RoutingResult<TaskQueue>> CreateTaskQueueWithSid(string queueSid, CreateTaskQueueRequest request) =>
        RoutingSids.IsValid(RoutingSids.TaskQueuePrefix, queueSid)
            ? CreateTaskQueueAsync(queueSid, request)
            : Task.FromResult(RoutingResult.Invalid<TaskQueue>($"'{queueSid}' is not a task queue sid."));

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

        _waiting.Add(new WaitingTask(sid, request.QueueSid, request.Priority, created.Value!.DateCreated, []));
        await RouteAsync();
        return await task.Get();
    }

    /// <inheritdoc />
    public Task<RoutingResult<IReadOnlyList<string>>> GetTaskQueueSids() => Task.FromResult(List(state.State.TaskQueueSids));

    /// <inheritdoc />
    public Task<RoutingResult<IReadOnlyList<WaitingTask>>> GetWaitingTasks() =>
        Task.FromResult(state.State.Workspace is null
            ? NotFound<IReadOnlyList<WaitingTask>>()
            : RoutingResult.Success<IReadOnlyList<WaitingTask>>([.. InOfferOrder(_waiting)]));

    /// <inheritdoc />
    public async Task RouteTask(WaitingTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (state.State.Workspace is null)
        {
            return;
        }

        _waiting.RemoveAll(w => w.TaskSid == task.TaskSid);
        _waiting.Add(task);
        await RouteAsync();
    }

    /// <inheritdoc />
    public Task RouteWaitingTasks() => state.State.Workspace is null ? Task.CompletedTask : RouteAsync();

    /// <inheritdoc />
    public async Task WorkerChanged(WorkerRoutingState worker)
    {
        ArgumentNullException.ThrowIfNull(worker);

        // Only listed workers count: one whose creation this workspace did not record is not routable.
        if (_workers.Contains(worker.WorkerSid) && _workers.Apply(worker) && _workers.IsFree(worker.WorkerSid))
        {
            await RouteAsync();
        }
    }

    private async Task<RoutingResult<Worker>> CreateWorkerAsync(string sid, CreateWorkerRequest request)
    {
        var worker = WorkerGrain(sid);
        var created = await CreateListedAsync(sid, state.State.WorkerSids, account => worker.Create(account, request));

        // Read now rather than waiting for the worker's own report (queued behind this turn), so the new (or newly
        // listed) worker takes waiting tasks before this call answers.
        if (Exists(created) && await worker.GetRoutingState() is { } routing && _workers.Apply(routing) && _workers.IsFree(sid))
        {
            await RouteAsync();
        }

        return created;
    }

    private Task<RoutingResult<TaskQueue>> CreateTaskQueueAsync(string sid, CreateTaskQueueRequest request) =>
        CreateListedAsync(sid, state.State.TaskQueueSids, account => GrainFactory.GetGrain<ITaskQueueGrain>(RoutingSids.ScopedKey(GrainKey, sid)).Create(account, request));

    /// <summary>
    /// Creates a worker or queue through <paramref name="create"/> (given the account) and lists its sid. One that exists
    /// already is answered as an illegal transition, and listed if a crash came between its write and the list's, so
    /// creating a chosen sid again repairs rather than duplicates.
    /// </summary>
    private async Task<RoutingResult<T>> CreateListedAsync<T>(string sid, List<string> sids, Func<string, Task<RoutingResult<T>>> create)
        where T : class
    {
        if (state.State.Workspace is not { } workspace)
        {
            return NotFound<T>();
        }

        var created = await create(workspace.AccountSid);
        if (Exists(created) && !sids.Contains(sid))
        {
            sids.Add(sid);
            await state.WriteStateAsync();
        }

        return created;
    }

    /// <summary>Routing passes until one ends without a refused offer that turned out to have freed a worker.</summary>
    private async Task RouteAsync()
    {
        var again = true;
        while (again)
        {
            again = await RoutePassAsync();
        }
    }

    /// <summary>
    /// One routing pass. A task leaves the waiting list once offered, or when its grain says it is no
    /// longer pending (canceled meanwhile); a task no free worker suits stays for the next pass. True
    /// when a worker that refused an offer was found free again, so another pass is due.
    /// </summary>
    private async Task<bool> RoutePassAsync()
    {
        if (_waiting.Count == 0 || _workers.FreeCount == 0)
        {
            return false;
        }

        var queues = new Dictionary<string, TaskQueue?>(StringComparer.Ordinal);
        var freeAtStart = _workers.FreeCount;
        var offered = 0;
        var freedAfterRefusal = false;
        foreach (var waiting in InOfferOrder(_waiting).ToList())
        {
            if (_workers.FreeCount == 0)
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

            var chosen = _workers.Select(queue.RequiredSkills, waiting.ExcludedWorkerSids, queue.MaxReservedWorkers);
            if (chosen.Count == 0)
            {
                continue;
            }

            TaskReservationRef[] offers = [.. chosen.Select(sid => new TaskReservationRef(RoutingSids.New(RoutingSids.ReservationPrefix), sid))];
            var result = await GrainFactory.GetGrain<ITaskGrain>(RoutingSids.ScopedKey(GrainKey, waiting.TaskSid))
                .Offer(new TaskOffer(offers, queue.ReservationTimeout));

            if (!result.TaskWasPending)
            {
                // Canceled (or offered by another pass) meanwhile: nothing was offered, the workers are still free.
                _waiting.Remove(waiting);
                continue;
            }

            foreach (var made in result.Made)
            {
                _workers.MarkReserved(made.WorkerSid);
            }

            if (result.Made.Count < chosen.Count)
            {
                freedAfterRefusal |= await RecheckRefusersAsync(chosen.Except(result.Made.Select(m => m.WorkerSid), StringComparer.Ordinal));
            }

            if (result.Made.Count > 0)
            {
                _waiting.Remove(waiting);
                offered++;
            }
        }

        RoutingLog.RoutingPass(logger, GrainKey, freeAtStart, offered, _waiting.Count);
        return freedAfterRefusal;
    }

    /// <summary>
    /// Reads the workers that refused an offer. A refusal means the worker changed after the index last
    /// heard from it (its report is queued behind this turn); reading it now keeps the rest of the pass
    /// from choosing it again. True when one of them is free at a newer version than held, that is, it
    /// changed once more after refusing, so another pass is due.
    /// </summary>
    private async Task<bool> RecheckRefusersAsync(IEnumerable<string> workerSids)
    {
        var freed = false;
        foreach (var sid in workerSids)
        {
            var current = await WorkerGrain(sid).GetRoutingState();
            if (current is null)
            {
                _workers.Remove(sid);
                continue;
            }

            var newer = _workers.Apply(current);
            RoutingLog.OfferRefused(logger, GrainKey, sid, current.Available, current.HasOpenReservation);
            freed |= newer && _workers.IsFree(sid);
        }

        return freed;
    }

    /// <summary>True when the worker or queue was created, or refused because it exists.</summary>
    private static bool Exists<T>(RoutingResult<T> created)
        where T : class => created.Outcome is RoutingOutcome.Success or RoutingOutcome.IllegalTransition;

    /// <summary>Highest priority, then oldest, then (the sort is stable) first queued.</summary>
    private static IEnumerable<WaitingTask> InOfferOrder(IEnumerable<WaitingTask> waiting) =>
        waiting.OrderByDescending(w => w.Priority).ThenBy(w => w.DateCreated);

    /// <summary>Reads the pending tasks back from the catalog, a page at a time; reports queued meanwhile replace them by sid.</summary>
    private async Task ReadWaitingTasksAsync(CancellationToken cancellationToken)
    {
        var pending = new RoutingFilter { Status = RoutingStatusNames.Of(RoutingTaskStatus.Pending) };
        CatalogPosition? after = null;
        do
        {
            var page = await catalog.FindAsync(RoutingKind.Task, GrainKey, pending, new PageRequest(WaitingPageSize, after), cancellationToken);
            _waiting.AddRange(page.Items.Select(t => new WaitingTask(t.Sid, t.GroupSid!, t.Priority, t.DateCreated, t.ExcludedWorkerSids)));
            after = page.Next;
        }
        while (after is not null);
    }

    private IWorkerGrain WorkerGrain(string workerSid) => GrainFactory.GetGrain<IWorkerGrain>(RoutingSids.ScopedKey(GrainKey, workerSid));

    private RoutingResult<IReadOnlyList<string>> List(List<string> sids) =>
        state.State.Workspace is null ? NotFound<IReadOnlyList<string>>() : RoutingResult.Success<IReadOnlyList<string>>([.. sids]);

    private RoutingResult<T> NotFound<T>()
        where T : class => RoutingResult.NotFound<T>($"Workspace {GrainKey} does not exist.");
}
