using Microsoft.Extensions.Logging;
using Telephony.GrainInterfaces.Routing;
using Telephony.Runtime;

namespace Telephony.Grains.Routing;

/// <summary>
/// One offer of a task to a worker. Leaving pending and moving through wrap-up are ruled by the task
/// grain first (it decides which sibling wins and remembers the decision), then stored here, then
/// logged on the worker. The answer timeout is a one-shot durable reminder.
/// </summary>
internal sealed class ReservationGrain(
    [PersistentState("reservation")] IPersistentState<ReservationState> state,
    ILogger<ReservationGrain> logger) : Grain, IReservationGrain, IRemindable
{
    private const string TimeoutReminder = "timeout";

    /// <inheritdoc />
    public Task<RoutingResult<Reservation>> Get() =>
        Task.FromResult(state.State.Reservation is { } reservation
            ? RoutingResult.Success(reservation)
            : NotFound());

    /// <inheritdoc />
    public Task<RoutingResult<Reservation>> Accept(ReservationInstruction instruction) => InstructAsync(instruction, ReservationStatus.Accepted);

    /// <inheritdoc />
    public Task<RoutingResult<Reservation>> Reject(ReservationInstruction instruction) => InstructAsync(instruction, ReservationStatus.Rejected);

    /// <inheritdoc />
    public Task<RoutingResult<Reservation>> Wrap(ReservationInstruction instruction) => InstructAsync(instruction, ReservationStatus.Wrapping);

    /// <inheritdoc />
    public Task<RoutingResult<Reservation>> Complete(ReservationInstruction instruction) => InstructAsync(instruction, ReservationStatus.Completed);

    /// <inheritdoc />
    public async Task<Reservation?> Create(ReservationOffer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        if (state.State.Reservation is { } existing)
        {
            return existing;
        }

        var now = TimeProvider.GetUtcNow();
        var reservation = new Reservation
        {
            AccountSid = offer.AccountSid,
            WorkspaceSid = offer.WorkspaceSid,
            WorkerSid = offer.WorkerSid,
            Sid = GrainKey,
            Status = ReservationStatus.Pending,
            Task = offer.Task,
            Timeout = offer.Timeout,
            DateCreated = now,
            DateUpdated = now,
            Version = 0,
        };

        // Stored with its timeout before the worker is claimed: if the process dies in between, the timeout
        // still ends the reservation (its task, not knowing it, rescinds it) and no worker stays held.
        state.State.Reservation = reservation;
        await state.WriteStateAsync();
        var timeout = await RegisterOrUpdateReminder(TimeoutReminder, TimeSpan.FromSeconds(offer.Timeout), TimeSpan.Zero);
        if (!await WorkerOf(reservation).ReceiveOffer(reservation))
        {
            // The worker became busy or unavailable since the router read it: this offer never happened.
            await UnregisterReminder(timeout);
            await state.ClearStateAsync();
            return null;
        }

        RoutingLog.ReservationCreated(logger, reservation.Sid, reservation.Task.Sid, reservation.WorkerSid, reservation.Timeout);
        return reservation;
    }

    /// <inheritdoc />
    public async Task Cancel(RoutingTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (state.State.Reservation is { Status: ReservationStatus.Pending })
        {
            await ApplyAsync(new ReservationResolution(ReservationStatus.Canceled, task, task.CanceledReasonCode));
        }
    }

    /// <inheritdoc />
    public async Task Rescind(RoutingTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (state.State.Reservation is { Status: ReservationStatus.Pending })
        {
            await ApplyAsync(new ReservationResolution(ReservationStatus.Rescinded, task, null));
        }
    }

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == TimeoutReminder && state.State.Reservation is { Status: ReservationStatus.Pending } reservation)
        {
            var ruling = await TaskOf(reservation).ResolveReservation(reservation.Sid, ReservationStatus.Timeout);
            await ApplyAsync(ruling);
        }
    }

    private async Task<RoutingResult<Reservation>> InstructAsync(ReservationInstruction instruction, ReservationStatus target)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        if (state.State.Reservation is not { } current)
        {
            return NotFound();
        }

        if (instruction.ExpectedVersion is { } expected && expected != current.Version)
        {
            return RoutingResult.StaleVersion(current, expected, current.Version);
        }

        if (!ReservationTransitions.IsLegal(current.Status, target))
        {
            return RoutingResult.IllegalTransition(current, $"A {Describe(current.Status)} reservation cannot become {Describe(target)}.");
        }

        var ruling = await TaskOf(current).ResolveReservation(current.Sid, target);
        var after = await ApplyAsync(ruling);
        return after.Status == target
            ? RoutingResult.Success(after)
            : RoutingResult.IllegalTransition(after, $"The reservation is {Describe(after.Status)}: its task ruled so before this instruction.");
    }

    /// <summary>Stores the task's ruling as the next version and logs it on the worker; a ruling that is no legal move is ignored.</summary>
    private async Task<Reservation> ApplyAsync(ReservationResolution ruling)
    {
        var current = state.State.Reservation!;
        if (current.Status == ruling.Status)
        {
            return current;
        }

        if (!ReservationTransitions.IsLegal(current.Status, ruling.Status))
        {
            RoutingLog.RulingIgnored(logger, current.Sid, ruling.Status, current.Status);
            return current;
        }

        var next = current with
        {
            Status = ruling.Status,
            Task = ruling.Task,
            CanceledReasonCode = ruling.Status == ReservationStatus.Canceled ? ruling.CanceledReasonCode : current.CanceledReasonCode,
            DateUpdated = TimeProvider.GetUtcNow(),
            Version = current.Version + 1,
        };
        state.State.Reservation = next;
        await state.WriteStateAsync();
        if (current.Status == ReservationStatus.Pending && await GetReminder(TimeoutReminder) is { } timeout)
        {
            await UnregisterReminder(timeout);
        }

        await WorkerOf(next).RecordReservationEvent(ReservationTransitions.EventFor(next.Status), next);
        RoutingLog.ReservationChanged(logger, next.Sid, next.Task.Sid, next.WorkerSid, current.Status, next.Status, next.Version);
        return next;
    }

    private ITaskGrain TaskOf(Reservation reservation) =>
        GrainFactory.GetGrain<ITaskGrain>(RoutingSids.ScopedKey(reservation.WorkspaceSid, reservation.Task.Sid));

    private IWorkerGrain WorkerOf(Reservation reservation) =>
        GrainFactory.GetGrain<IWorkerGrain>(RoutingSids.ScopedKey(reservation.WorkspaceSid, reservation.WorkerSid));

    private RoutingResult<Reservation> NotFound() => RoutingResult.NotFound<Reservation>($"Reservation {GrainKey} does not exist.");

    private static string Describe(ReservationStatus status) => status.ToString().ToLowerInvariant();
}
