using System.Text.Json;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Telephony.Catalog;
using Telephony.GrainInterfaces.Routing;

namespace Telephony.Grains.Routing;

/// <summary>
/// A task and the judge of its reservations. Reservations ask it before leaving pending, so among
/// siblings accepted at the same instant the first to reach it wins and the rest are told they are
/// rescinded. It never waits on an existing reservation: rescinds and cancels are sent one-way, and a
/// reservation that misses one learns the ruling the next time it asks (its timeout at the latest).
/// </summary>
[GrainType("task")]
internal sealed class TaskGrain(
    [PersistentState("task")] IPersistentState<TaskState> state,
    IRoutingCatalog catalog,
    TimeProvider timeProvider,
    ILogger<TaskGrain> logger) : Grain, ITaskGrain
{
    private string GrainKey => field ??= this.GetPrimaryKeyString();

    private string WorkspaceSid => RoutingSids.SplitScopedKey(GrainKey).WorkspaceSid;

    private string TaskSid => RoutingSids.SplitScopedKey(GrainKey).Sid;

    /// <summary>Gives the catalog the stored version again: a version stored without reaching it (a failure or crash between the writes) gets there now.</summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        state.State.Task is null ? Task.CompletedTask : CatalogAsync();

    /// <inheritdoc />
    public async Task<RoutingResult<RoutingTask>> Create(string accountSid, CreateTaskRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (state.State.Task is { } existing)
        {
            return RoutingResult.IllegalTransition(existing, $"Task {existing.Sid} already exists.");
        }

        if (!RoutingAttributes.TryRead(request.Attributes, out var attributes, out var error))
        {
            return RoutingResult.Invalid<RoutingTask>(error!);
        }

        var now = timeProvider.GetUtcNow();
        state.State.Task = new RoutingTask
        {
            Sid = TaskSid,
            AccountSid = accountSid,
            WorkspaceSid = WorkspaceSid,
            QueueSid = request.QueueSid,
            Attributes = attributes,
            Priority = request.Priority,
            Status = RoutingTaskStatus.Pending,
            SessionId = request.SessionId,
            DateCreated = now,
            DateUpdated = now,
            Version = 0,
        };
        await StoreAsync();
        return RoutingResult.Success(state.State.Task);
    }

    /// <inheritdoc />
    public Task<RoutingResult<RoutingTask>> Get() =>
        Task.FromResult(state.State.Task is { } task ? RoutingResult.Success(task) : NotFound<RoutingTask>());

    /// <inheritdoc />
    public async Task<RoutingResult<RoutingTask>> Update(UpdateTaskRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (state.State.Task is not { } current)
        {
            return NotFound<RoutingTask>();
        }

        if (request.ExpectedVersion is { } expected && expected != current.Version)
        {
            return RoutingResult.StaleVersion(current, expected, current.Version);
        }

        if (current.Status is RoutingTaskStatus.Canceled or RoutingTaskStatus.Completed)
        {
            return RoutingResult.IllegalTransition(current, $"A {Describe(current.Status)} task cannot be changed.");
        }

        var attributes = current.Attributes;
        if (request.Attributes is not null && !RoutingAttributes.TryRead(request.Attributes, out attributes, out var error))
        {
            return RoutingResult.Invalid(error!, current);
        }

        var changed = current with { Attributes = attributes, Priority = request.Priority ?? current.Priority };
        if (changed == current)
        {
            return RoutingResult.Success(current);
        }

        var next = await SaveAsync(changed);
        if (next.Priority != current.Priority && next.Status == RoutingTaskStatus.Pending)
        {
            // A waiting task's priority is its place in the queue.
            RequestRouting(next);
        }

        return RoutingResult.Success(next);
    }

    /// <inheritdoc />
    public async Task<RoutingResult<RoutingTask>> Cancel(int reasonCode)
    {
        if (state.State.Task is not { } current)
        {
            return NotFound<RoutingTask>();
        }

        if (current.Status is not (RoutingTaskStatus.Pending or RoutingTaskStatus.Reserved))
        {
            return RoutingResult.IllegalTransition(current, $"A {Describe(current.Status)} task cannot be canceled.");
        }

        var pending = Rule(ReservationStatus.Pending, ReservationStatus.Canceled);
        var next = await SaveAsync(current with { Status = RoutingTaskStatus.Canceled, CanceledReasonCode = reasonCode });
        RoutingLog.TaskCanceled(logger, next.Sid, reasonCode, pending.Count);
        foreach (var reservation in pending)
        {
            _ = GrainFactory.GetGrain<IReservationGrain>(reservation.ReservationSid).Cancel(next);
        }

        return RoutingResult.Success(next);
    }

    /// <inheritdoc />
    public Task<RoutingResult<IReadOnlyList<TaskReservationRef>>> GetReservations() =>
        Task.FromResult(state.State.Task is null
            ? NotFound<IReadOnlyList<TaskReservationRef>>()
            : RoutingResult.Success<IReadOnlyList<TaskReservationRef>>(
                [.. state.State.Reservations.Select(r => new TaskReservationRef(r.ReservationSid, r.WorkerSid))]));

    /// <inheritdoc />
    public async Task<OfferResult> Offer(TaskOffer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        if (state.State.Task is not { Status: RoutingTaskStatus.Pending } current)
        {
            return new OfferResult(false, []);
        }

        // Reservations carry the task as reserved; it is stored so only if at least one worker takes the offer.
        var reserved = current with
        {
            Status = RoutingTaskStatus.Reserved,
            DateUpdated = timeProvider.GetUtcNow(),
            Version = current.Version + 1,
        };
        var created = await Task.WhenAll(offer.Reservations.Select(async r =>
            await GrainFactory.GetGrain<IReservationGrain>(r.ReservationSid)
                .Create(new ReservationOffer(current.AccountSid, current.WorkspaceSid, r.WorkerSid, reserved, offer.Timeout)) is null
                ? null
                : r));
        List<TaskReservationRef> made = [.. created.OfType<TaskReservationRef>()];
        if (made.Count == 0)
        {
            return new OfferResult(true, []);
        }

        state.State.Task = reserved;
        state.State.Reservations.AddRange(made.Select(r => new TaskReservationState(r.ReservationSid, r.WorkerSid, ReservationStatus.Pending)));
        await StoreAsync();
        RoutingLog.TaskOffered(logger, reserved.Sid, made.Count, string.Join(", ", made.Select(r => r.WorkerSid)));
        return new OfferResult(true, made);
    }

    /// <inheritdoc />
    public async Task<ReservationResolution> ResolveReservation(string reservationSid, ReservationStatus requested)
    {
        var task = state.State.Task
            ?? throw new InvalidOperationException($"Task {GrainKey} does not exist but reservation {reservationSid} names it.");
        var index = state.State.Reservations.FindIndex(r => r.ReservationSid == reservationSid);
        if (index < 0)
        {
            // Not an offer this task stored (it failed to store one it made): withdraw it.
            return new ReservationResolution(ReservationStatus.Rescinded, task, null);
        }

        var entry = state.State.Reservations[index];
        var legal = ReservationTransitions.IsLegal(entry.Status, requested);
        if (!legal)
        {
            // Already ruled (a sibling won, the task was canceled, or this is a repeat): answer the ruling.
            return Ruling(entry.Status, task);
        }

        state.State.Reservations[index] = entry with { Status = requested };
        return requested switch
        {
            ReservationStatus.Accepted => await AssignAsync(entry, task),
            ReservationStatus.Rejected or ReservationStatus.Timeout => await ReleaseAsync(requested, task),
            ReservationStatus.Wrapping => await MoveOnAsync(requested, task with { Status = RoutingTaskStatus.Wrapping }),
            ReservationStatus.Completed => await MoveOnAsync(requested, task with { Status = RoutingTaskStatus.Completed }),
            _ => throw new ArgumentOutOfRangeException(nameof(requested), requested, "A reservation cannot ask for this status."),
        };
    }

    private async Task<ReservationResolution> AssignAsync(TaskReservationState winner, RoutingTask task)
    {
        var siblings = Rule(ReservationStatus.Pending, ReservationStatus.Rescinded);
        var next = await SaveAsync(task with { Status = RoutingTaskStatus.Assigned, AssignedWorkerSid = winner.WorkerSid });
        RoutingLog.TaskAssigned(logger, next.Sid, winner.WorkerSid, winner.ReservationSid, siblings.Count);
        foreach (var sibling in siblings)
        {
            _ = GrainFactory.GetGrain<IReservationGrain>(sibling.ReservationSid).Rescind(next);
        }

        return new ReservationResolution(ReservationStatus.Accepted, next, null);
    }

    private async Task<ReservationResolution> ReleaseAsync(ReservationStatus requested, RoutingTask task)
    {
        if (state.State.Reservations.Any(r => r.Status == ReservationStatus.Pending))
        {
            // Siblings are still offered: the task stays reserved.
            await StoreAsync();
            return new ReservationResolution(requested, task, null);
        }

        var next = await SaveAsync(task with { Status = RoutingTaskStatus.Pending });
        RequestRouting(next);
        return new ReservationResolution(requested, next, null);
    }

    private async Task<ReservationResolution> MoveOnAsync(ReservationStatus requested, RoutingTask changed)
    {
        var next = await SaveAsync(changed);
        RoutingLog.TaskStatusChanged(logger, next.Sid, next.Status);
        return new ReservationResolution(requested, next, null);
    }

    /// <summary>Moves every reservation in <paramref name="from"/> to <paramref name="to"/> (in memory) and returns them.</summary>
    private List<TaskReservationState> Rule(ReservationStatus from, ReservationStatus to)
    {
        var ruled = new List<TaskReservationState>();
        for (var i = 0; i < state.State.Reservations.Count; i++)
        {
            if (state.State.Reservations[i].Status == from)
            {
                ruled.Add(state.State.Reservations[i]);
                state.State.Reservations[i] = state.State.Reservations[i] with { Status = to };
            }
        }

        return ruled;
    }

    /// <summary>Queues the pending task with the workspace router, leaving out workers that already turned it down.</summary>
    private void RequestRouting(RoutingTask task)
    {
        var excluded = ExcludedWorkers();
        var waiting = new WaitingTask(task.Sid, task.QueueSid, task.Priority, task.DateCreated, excluded);
        var workspace = GrainFactory.GetGrain<IWorkspaceGrain>(task.WorkspaceSid);
        RoutingLog.TaskRequeued(logger, task.Sid, excluded.Length);
        _ = workspace.RouteTask(waiting);
    }

    /// <summary>Workers that rejected the task or let it time out: the router does not offer it to them again.</summary>
    private string[] ExcludedWorkers() =>
        [.. state.State.Reservations
            .Where(r => r.Status is ReservationStatus.Rejected or ReservationStatus.Timeout)
            .Select(r => r.WorkerSid)
            .Distinct(StringComparer.Ordinal)];

    /// <summary>Stores the task's state, then gives the catalog the task at its version (which keeps only a newer one).</summary>
    private async Task StoreAsync()
    {
        await state.WriteStateAsync();
        await CatalogAsync();
    }

    private Task CatalogAsync()
    {
        var task = state.State.Task!;
        var entry = new RoutingEntry(
            RoutingKind.Task,
            task.WorkspaceSid,
            task.Sid,
            task.Version,
            task.DateCreated,
            RoutingStatusNames.Of(task.Status),
            task.QueueSid,
            JsonSerializer.SerializeToUtf8Bytes(task, RoutingJsonContext.Default.RoutingTask))
        {
            Priority = task.Priority,
            ExcludedWorkerSids = ExcludedWorkers(),
        };
        return catalog.SaveAsync(entry, CancellationToken.None);
    }

    private static ReservationResolution Ruling(ReservationStatus status, RoutingTask task) =>
        new(status, task, status == ReservationStatus.Canceled ? task.CanceledReasonCode : null);

    private async Task<RoutingTask> SaveAsync(RoutingTask changed)
    {
        var next = changed with { DateUpdated = timeProvider.GetUtcNow(), Version = changed.Version + 1 };
        state.State.Task = next;
        await StoreAsync();
        return next;
    }

    private RoutingResult<T> NotFound<T>()
        where T : class => RoutingResult.NotFound<T>($"Task {TaskSid} does not exist in workspace {WorkspaceSid}.");

    private static string Describe(RoutingTaskStatus status) => status.ToString().ToLowerInvariant();
}
