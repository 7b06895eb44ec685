using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;
using Telephony.Catalog;
using Telephony.GrainInterfaces.Calls;
using Telephony.GrainInterfaces.Routing;
using Telephony.GrainInterfaces.Sessions;
using Telephony.Providers;
using Telephony.Providers.Accounts;

namespace Telephony.Grains.Routing;

/// <summary>
/// One offer of a task to a worker. Leaving pending and moving through wrap-up are ruled by the task
/// grain first (it decides which sibling wins and remembers the decision), then stored here, then
/// logged on the worker. The answer timeout falls due at the offer's deadline: a grain timer ends it to the second
/// while the reservation is in memory, and a reminder, which survives restarts and crashes, wakes the reservation
/// at the latest one reminder period after the deadline (or after a restarted silo is ready) when it is not.
/// </summary>
[GrainType("reservation")]
internal sealed class ReservationGrain(
    [PersistentState("reservation")] IPersistentState<ReservationState> state,
    AccountRegistry accounts,
    InstructionTargets targets,
    IRoutingCatalog catalog,
    IOptions<ReservationTimeoutOptions> timeoutOptions,
    TimeProvider timeProvider,
    ILogger<ReservationGrain> logger) : Grain, IReservationGrain, IRemindable
{
    private const string TimeoutReminder = "timeout";

    private IGrainTimer? _timeoutTimer;

    private string GrainKey => field ??= this.GetPrimaryKeyString();

    /// <summary>
    /// Starts the timeout's timer of a pending reservation, and gives the catalog the stored version again: a version
    /// stored without reaching it (a failure or crash between the writes) gets there now.
    /// </summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Reservation is not { } reservation)
        {
            return Task.CompletedTask;
        }

        if (reservation.Status == ReservationStatus.Pending)
        {
            StartTimeoutTimer(reservation);
        }

        return CatalogAsync(reservation);
    }

    /// <inheritdoc />
    public Task<RoutingResult<Reservation>> Get() =>
        Task.FromResult(state.State.Reservation is { } reservation
            ? RoutingResult.Success(reservation)
            : RoutingResult.NotFound<Reservation>($"Reservation {GrainKey} does not exist."));

    /// <inheritdoc />
    public Task<RoutingResult<Reservation>> Accept(ReservationInstruction instruction) => InstructAsync(instruction, ReservationStatus.Accepted);

    /// <inheritdoc />
    public Task<RoutingResult<Reservation>> Reject(ReservationInstruction instruction) => InstructAsync(instruction, ReservationStatus.Rejected);

    /// <inheritdoc />
    public Task<RoutingResult<Reservation>> Conference(ReservationInstruction instruction) => ConnectWorkerAsync(instruction);

    /// <inheritdoc />
    public Task<RoutingResult<Reservation>> Dequeue(ReservationInstruction instruction) => ConnectWorkerAsync(instruction);

    /// <inheritdoc />
    public async Task<RoutingResult<Reservation>> Call(ReservationInstruction instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        if (Check(instruction) is { } refused)
        {
            return refused;
        }

        var current = state.State.Reservation!;
        if (!E164.IsValid(instruction.From) || targets.Url(current.AccountSid, instruction.Url) is not { } url)
        {
            return RoutingResult.Invalid($"A call instruction needs 'from' (an E.164 number) and 'url' ({targets.UrlRule(current.AccountSid)}).", current);
        }

        if (await ContactAsync(current, instruction) is not ({ } worker, { } contact))
        {
            return RoutingResult.Invalid("The worker has no 'contact_uri' attribute and the instruction gives no 'to'.", current);
        }

        return await AcceptThenAsync(instruction, new DialCommand { CommandId = $"{GrainKey}-call", From = instruction.From!, To = contact, Url = url });
    }

    /// <inheritdoc />
    public async Task<RoutingResult<Reservation>> Redirect(ReservationInstruction instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        if (Check(instruction) is { } refused)
        {
            return refused;
        }

        var current = state.State.Reservation!;
        if (instruction.CallSid is not { Length: > 0 } callSid || targets.Url(current.AccountSid, instruction.Url) is not { } url)
        {
            return RoutingResult.Invalid($"A redirect instruction needs 'callSid' and 'url' ({targets.UrlRule(current.AccountSid)}).", current);
        }

        // Only a call of the task's own session: a worker's key must not move other calls of the account.
        var session = current.Task.SessionId is null ? null : (await SessionOf(current).Get(current.AccountSid)).Value;
        if (session is null || !session.Members.Any(m => m.CallSid == callSid))
        {
            return RoutingResult.Invalid($"'callSid': call {callSid} is not a call of this task's session.", current);
        }

        return await AcceptThenAsync(instruction, new RedirectToUrlCommand { CommandId = $"{GrainKey}-redirect", CallId = callSid, Url = url });
    }

    /// <inheritdoc />
    public async Task<RoutingResult<Reservation>> UpdateParticipant(ReservationInstruction instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        if (Check(instruction) is { } refused)
        {
            return refused;
        }

        var current = state.State.Reservation!;
        if (current.Status is not (ReservationStatus.Accepted or ReservationStatus.Wrapping) || state.State.WorkerCallSid is not { } callSid)
        {
            return RoutingResult.IllegalTransition(current, "Only the worker's call of an accepted reservation, connected by a conference or dequeue instruction, can be held or muted.");
        }

        if (instruction.Hold is null && instruction.Muted is null)
        {
            return RoutingResult.Invalid("Give 'hold' or 'muted'.", current);
        }

        var updated = await SessionOf(current).UpdateParticipant(new ParticipantUpdate(current.AccountSid, callSid, instruction.Hold, instruction.Muted));
        return updated.IsSuccess ? RoutingResult.Success(current) : RoutingResult.IllegalTransition(current, updated.Error ?? "The session refused.");
    }

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

        var now = timeProvider.GetUtcNow();
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
        var timeout = await this.RegisterOrUpdateReminder(TimeoutReminder, TimeSpan.FromSeconds(offer.Timeout), timeoutOptions.Value.ReminderPeriod);
        if (!await WorkerOf(reservation).ReceiveOffer(reservation))
        {
            // The worker became busy or unavailable since the router read it: this offer never happened.
            await this.UnregisterReminder(timeout);
            await state.ClearStateAsync();
            return null;
        }

        StartTimeoutTimer(reservation);
        await CatalogAsync(reservation);
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
        if (reminderName != TimeoutReminder)
        {
            return;
        }

        if (state.State.Reservation is { Status: ReservationStatus.Pending })
        {
            await TimeOutIfDueAsync();
        }
        else if (await this.GetReminder(TimeoutReminder) is { } stale)
        {
            // The reservation left pending but its reminder outlived it (a crash came in between): end it now.
            await this.UnregisterReminder(stale);
        }
    }

    /// <summary>Arms the in-memory timer that ends the offer at its deadline (at once if the deadline has passed).</summary>
    private void StartTimeoutTimer(Reservation reservation)
    {
        var remaining = ReservationTransitions.Deadline(reservation) - timeProvider.GetUtcNow();
        _timeoutTimer?.Dispose();
        _timeoutTimer = this.RegisterGrainTimer(
            static (grain, _) => grain.TimerTickAsync(),
            this,
            new GrainTimerCreationOptions { DueTime = remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, Period = Timeout.InfiniteTimeSpan });
    }

    /// <summary>
    /// The timer's tick. A tick is not a grain call, so the silo's failed-call filter does not see it: a tick that fails
    /// after changing the reservation in memory drops the activation itself, and the reminder tries again.
    /// </summary>
    private async Task TimerTickAsync()
    {
        try
        {
            await TimeOutIfDueAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>Times the offer out if it is still pending at or after its deadline; the task rules first, as for an answer.</summary>
    private async Task TimeOutIfDueAsync()
    {
        if (state.State.Reservation is not { Status: ReservationStatus.Pending } reservation)
        {
            return;
        }

        if (timeProvider.GetUtcNow() < ReservationTransitions.Deadline(reservation))
        {
            // Woken early (the reminder's clock runs ahead of this one): the timer still ends it on time.
            StartTimeoutTimer(reservation);
            return;
        }

        var ruling = await TaskOf(reservation).ResolveReservation(reservation.Sid, ReservationStatus.Timeout);
        await ApplyAsync(ruling);
    }


    /// <summary>
    /// Accepts, then dials the worker into the session where the task's caller waits. What can be checked before
    /// accepting is: a refused connection after the accept leaves the reservation accepted and says why.
    /// </summary>
    private async Task<RoutingResult<Reservation>> ConnectWorkerAsync(ReservationInstruction instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        if (Check(instruction) is { } refused)
        {
            return refused;
        }

        var current = state.State.Reservation!;
        if (current.Task.SessionId is null)
        {
            return RoutingResult.Invalid("The task has no session (call) to connect the worker to.", current);
        }

        if (await ContactAsync(current, instruction) is not ({ } worker, { } contact))
        {
            return RoutingResult.Invalid("The worker has no 'contact_uri' attribute and the instruction gives no 'to'.", current);
        }

        var accepted = await InstructAsync(instruction, ReservationStatus.Accepted);
        if (!accepted.IsSuccess)
        {
            return accepted;
        }

        var connected = await SessionOf(current).ConnectAgent(new AgentConnection(current.AccountSid, current.WorkerSid, worker.FriendlyName, contact, instruction.From));
        if (!connected.IsSuccess)
        {
            return RoutingResult.IllegalTransition(accepted.Value!, $"The reservation is accepted, but the worker could not be connected: {connected.Error}");
        }

        state.State.WorkerCallSid = connected.Value!.Members.Last(m => m.Identity == current.WorkerSid).CallSid;
        await state.WriteStateAsync();
        return accepted;
    }

    /// <summary>Accepts, then has the provider run <paramref name="command"/>; a refusal after the accept leaves the reservation accepted and says why.</summary>
    private async Task<RoutingResult<Reservation>> AcceptThenAsync(ReservationInstruction instruction, CallCommand command)
    {
        var accepted = await InstructAsync(instruction, ReservationStatus.Accepted);
        if (!accepted.IsSuccess)
        {
            return accepted;
        }

        var reservation = accepted.Value!;
        var provider = accounts.Find(reservation.AccountSid)?.Provider ?? ProviderKind.Simulator;
        try
        {
            var result = await GrainFactory.GetGrain<IProviderGrain>(CallKeys.Provider(provider)).Execute(reservation.AccountSid, command);
            if (command is DialCommand)
            {
                state.State.WorkerCallSid = result.CallId;
                await state.WriteStateAsync();
            }

            return accepted;
        }
        catch (ProviderException e) when (!e.IsTransient)
        {
            return RoutingResult.IllegalTransition(reservation, $"The reservation is accepted, but the provider refused: {e.Message}");
        }
    }

    /// <summary>The worker and where to reach it: the instruction's <c>to</c>, else the worker's <c>contact_uri</c> attribute.</summary>
    private async Task<(Worker? Worker, string? Contact)> ContactAsync(Reservation reservation, ReservationInstruction instruction)
    {
        var worker = (await WorkerOf(reservation).Get()).Value;
        return (worker, worker is null ? null : instruction.To ?? InstructionTargets.ContactUri(worker.Attributes));
    }

    private async Task<RoutingResult<Reservation>> InstructAsync(ReservationInstruction instruction, ReservationStatus target)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        if (Check(instruction) is { } refused)
        {
            return refused;
        }

        var current = state.State.Reservation!;
        if (ReservationTransitions.CheckTarget(current, target) is { } illegal)
        {
            return illegal;
        }

        var ruling = await TaskOf(current).ResolveReservation(current.Sid, target);
        var after = await ApplyAsync(ruling);
        return after.Status == target
            ? RoutingResult.Success(after)
            : RoutingResult.IllegalTransition(after, $"The reservation is {ReservationTransitions.Describe(after.Status)}: its task ruled so before this instruction.");
    }

    /// <summary>Stores the task's ruling as the next version and logs it on the worker; a ruling that is no legal move is ignored.</summary>
    private async Task<Reservation> ApplyAsync(ReservationResolution ruling)
    {
        var current = state.State.Reservation!;
        if (ReservationTransitions.Next(current, ruling, timeProvider.GetUtcNow()) is not { } next)
        {
            if (current.Status != ruling.Status)
            {
                RoutingLog.RulingIgnored(logger, current.Sid, ruling.Status, current.Status);
            }

            return current;
        }
        state.State.Reservation = next;
        await state.WriteStateAsync();
        if (current.Status == ReservationStatus.Pending)
        {
            _timeoutTimer?.Dispose();
            _timeoutTimer = null;
            if (await this.GetReminder(TimeoutReminder) is { } timeout)
            {
                await this.UnregisterReminder(timeout);
            }
        }

        await Task.WhenAll(CatalogAsync(next), WorkerOf(next).RecordReservationEvent(ReservationTransitions.EventFor(next.Status), next));
        RoutingLog.ReservationChanged(logger, next.Sid, next.Task.Sid, next.WorkerSid, current.Status, next.Status, next.Version);
        return next;
    }

    /// <summary>Gives the catalog <paramref name="reservation"/> at its version, listed under its worker.</summary>
    private Task CatalogAsync(Reservation reservation) =>
        catalog.SaveAsync(
            new RoutingEntry(
                RoutingKind.Reservation,
                reservation.WorkspaceSid,
                reservation.Sid,
                reservation.Version,
                reservation.DateCreated,
                RoutingStatusNames.Of(reservation.Status),
                reservation.WorkerSid,
                JsonSerializer.SerializeToUtf8Bytes(reservation, RoutingJsonContext.Default.Reservation)),
            CancellationToken.None);

    private RoutingResult<Reservation>? Check(ReservationInstruction instruction) => ReservationTransitions.Check(state.State.Reservation, GrainKey, instruction);

    private ITaskGrain TaskOf(Reservation reservation) =>
        GrainFactory.GetGrain<ITaskGrain>(RoutingSids.ScopedKey(reservation.WorkspaceSid, reservation.Task.Sid));

    private ISessionGrain SessionOf(Reservation reservation) => GrainFactory.GetGrain<ISessionGrain>(reservation.Task.SessionId!);

    private IWorkerGrain WorkerOf(Reservation reservation) =>
        GrainFactory.GetGrain<IWorkerGrain>(RoutingSids.ScopedKey(reservation.WorkspaceSid, reservation.WorkerSid));

}
