using System.Text.Json;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Telephony.Catalog;
using Telephony.GrainInterfaces.Routing;
using Telephony.Grains.Following;

namespace Telephony.Grains.Routing;

/// <summary>
/// A worker: its resource, whether it is busy, and its event log. Its own turns decide whether it takes
/// an offer, so two tasks can never both reserve it. Every turn that stores a change reports the new
/// routing state to the workspace before it answers, which keeps the router's index in step. Events are
/// stored before they are sent to the nodes following the worker (<see cref="IWorkerEventObserver"/>), so a
/// stream that follows first and then replays the log misses nothing.
/// </summary>
[GrainType("worker")]
internal sealed class WorkerGrain(
    [PersistentState("worker")] IPersistentState<WorkerState> state,
    [PersistentState("events")] IPersistentState<WorkerEventLogState> log,
    IRoutingCatalog catalog,
    TimeProvider timeProvider,
    ILogger<WorkerGrain> logger) : Grain, IWorkerGrain
{
    /// <summary>How long a follower keeps receiving events without following again; its node renews well before.</summary>
    public static readonly TimeSpan FollowLease = TimeSpan.FromMinutes(1);

    /// <summary>Nodes following this worker's events.</summary>
    private readonly FollowerLeases<IWorkerEventObserver> _followers = new(FollowLease);

    /// <summary>The worker version this activation last gave the catalog; none yet.</summary>
    private long _catalogedVersion = -1;

    private string GrainKey => field ??= this.GetPrimaryKeyString();

    /// <summary>Events kept for replay, at least (up to two pages more); older ones are dropped (their ids are never reused).</summary>
    public const int MaxRetainedEvents = 500;

    /// <summary>Events per sealed page of the log: logging an event rewrites at most this many.</summary>
    public const int EventPageSize = 8;

    private string WorkspaceSid => RoutingSids.SplitScopedKey(GrainKey).WorkspaceSid;

    private string WorkerSid => RoutingSids.SplitScopedKey(GrainKey).Sid;

    /// <summary>Gives the catalog the stored version again: a version stored without reaching it (a failure or crash between the writes) gets there now.</summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        state.State.Worker is null ? Task.CompletedTask : CatalogAsync();

    /// <inheritdoc />
    public async Task<RoutingResult<Worker>> Create(string accountSid, CreateWorkerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (state.State.Worker is { } existing)
        {
            return RoutingResult.IllegalTransition(existing, $"Worker {existing.Sid} already exists.");
        }

        if (string.IsNullOrWhiteSpace(request.FriendlyName))
        {
            return RoutingResult.Invalid<Worker>("A worker needs a friendly name.");
        }

        if (!RoutingAttributes.TryReadWorker(request.Attributes, out var attributes, out var skills, out var error))
        {
            return RoutingResult.Invalid<Worker>(error!);
        }

        var activity = request.Activity ?? WorkerActivity.Offline;
        var now = timeProvider.GetUtcNow();
        state.State.Worker = new Worker
        {
            Sid = WorkerSid,
            AccountSid = accountSid,
            WorkspaceSid = WorkspaceSid,
            FriendlyName = request.FriendlyName,
            Attributes = attributes,
            ActivityName = activity.Name,
            Available = activity.Available,
            IdleSince = activity.Available ? now : null,
            DateCreated = now,
            DateUpdated = now,
            Version = 0,
        };
        state.State.Skills = skills;
        await SaveAsync();
        return RoutingResult.Success(state.State.Worker);
    }

    /// <inheritdoc />
    public Task<RoutingResult<Worker>> Get() =>
        Task.FromResult(state.State.Worker is { } worker ? RoutingResult.Success(worker) : NotFound<Worker>());

    /// <inheritdoc />
    public async Task<RoutingResult<Worker>> Update(UpdateWorkerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (state.State.Worker is not { } current)
        {
            return NotFound<Worker>();
        }

        if (request.ExpectedVersion is { } expected && expected != current.Version)
        {
            return RoutingResult.StaleVersion(current, expected, current.Version);
        }

        if (request.FriendlyName is { } name && string.IsNullOrWhiteSpace(name))
        {
            return RoutingResult.Invalid("A worker needs a friendly name.", current);
        }

        var attributes = current.Attributes;
        var skills = state.State.Skills;
        if (request.Attributes is not null && !RoutingAttributes.TryReadWorker(request.Attributes, out attributes, out skills, out var error))
        {
            return RoutingResult.Invalid(error!, current);
        }

        var activity = request.Activity ?? new WorkerActivity(current.ActivityName, current.Available);
        var now = timeProvider.GetUtcNow();
        var changed = current with
        {
            FriendlyName = request.FriendlyName ?? current.FriendlyName,
            Attributes = attributes,
            ActivityName = activity.Name,
            Available = activity.Available,
            IdleSince = activity.Available ? (current.Available ? current.IdleSince : now) : null,
        };
        if (changed == current)
        {
            return RoutingResult.Success(current);
        }

        state.State.Worker = changed with { DateUpdated = now, Version = current.Version + 1 };
        state.State.Skills = skills;
        await SaveAsync();
        return RoutingResult.Success(state.State.Worker);
    }

    /// <inheritdoc />
    public async Task<RoutingResult<IReadOnlyList<WorkerEvent>>> GetEvents(long afterId)
    {
        if (state.State.Worker is null)
        {
            return NotFound<IReadOnlyList<WorkerEvent>>();
        }

        var pages = await Task.WhenAll(log.State.Pages.Where(p => p.LastId > afterId).Select(p => EventPage(p.Page).Get()));
        return RoutingResult.Success<IReadOnlyList<WorkerEvent>>([.. pages.SelectMany(p => p).Concat(log.State.Events).Where(e => e.Id > afterId)]);
    }

    /// <inheritdoc />
    public Task<long> Follow(IWorkerEventObserver observer)
    {
        _followers.Follow(observer);
        return Task.FromResult(log.State.LastEventId);
    }

    /// <inheritdoc />
    public Task Unfollow(IWorkerEventObserver observer)
    {
        _followers.Unfollow(observer);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<WorkerRoutingState?> GetRoutingState() =>
        Task.FromResult(state.State.Worker is { } worker ? RoutingStateOf(worker) : null);

    /// <inheritdoc />
    public async Task<bool> ReceiveOffer(Reservation reservation)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        if (state.State.Worker is not { Available: true } || state.State.OpenReservationSids.Count > 0)
        {
            return false;
        }

        state.State.OpenReservationSids.Add(reservation.Sid);
        await SaveAsync();
        await AppendAsync(WorkerEventType.ReservationCreated, reservation);
        return true;
    }

    /// <inheritdoc />
    public async Task RecordReservationEvent(WorkerEventType eventType, Reservation reservation)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        await AppendAsync(eventType, reservation);
        if (ReservationTransitions.IsOpen(reservation.Status) || !state.State.OpenReservationSids.Remove(reservation.Sid))
        {
            return;
        }

        if (reservation.Status == ReservationStatus.Completed && state.State.Worker is { Available: true } worker)
        {
            // Finishing work starts a new idle period; an offer that was turned down or withdrawn does not.
            state.State.Worker = worker with { IdleSince = timeProvider.GetUtcNow(), DateUpdated = timeProvider.GetUtcNow(), Version = worker.Version + 1 };
        }

        await SaveAsync();
    }

    private async Task AppendAsync(WorkerEventType eventType, Reservation reservation)
    {
        var entry = new WorkerEvent(log.State.LastEventId + 1, eventType, reservation, timeProvider.GetUtcNow());
        log.State.LastEventId = entry.Id;
        log.State.Events.Add(entry);
        var aged = log.State.Events.Count >= EventPageSize ? await SealEventPageAsync() : [];
        await log.WriteStateAsync();

        // Cleared only once the stored log no longer names them: a crash in between leaves an unread page, never a missing one.
        foreach (var page in aged)
        {
            await EventPage(page).Clear();
        }

        RoutingLog.WorkerEventLogged(logger, WorkerSid, entry.Id, eventType, reservation.Sid);
        Send(entry);
    }

    /// <summary>Sends a stored event to every follower whose lease holds (one-way: a slow node never holds up the worker).</summary>
    private void Send(WorkerEvent entry) =>
        _followers.Send((Worker: this, Entry: entry), static (follower, m) => follower.OnEvent(m.Worker.WorkspaceSid, m.Worker.WorkerSid, m.Entry));

    /// <summary>
    /// Moves the newest events into the next page grain (stored there first, so a crash before the log is
    /// written only repeats that write) and drops from the log the oldest pages beyond retention; returns those.
    /// </summary>
    private async Task<List<int>> SealEventPageAsync()
    {
        var events = log.State.Events;
        await EventPage(log.State.NextPage).Store(events);
        log.State.Pages.Add(new WorkerEventPageRef(log.State.NextPage, events[0].Id, events[^1].Id));
        log.State.NextPage++;
        log.State.Events = [];
        var aged = new List<int>();
        while (log.State.Pages.Count > 1 && log.State.LastEventId - log.State.Pages[1].FirstId + 1 >= MaxRetainedEvents)
        {
            aged.Add(log.State.Pages[0].Page);
            log.State.Pages.RemoveAt(0);
        }

        return aged;
    }

    private IWorkerEventPageGrain EventPage(int page) => GrainFactory.GetGrain<IWorkerEventPageGrain>($"{GrainKey}/events-{page}");

    /// <summary>
    /// Stores the worker and reports its routing state to the workspace from this turn, then gives the catalog the worker
    /// if it changed. The report is queued on the workspace before this turn answers, so no routing pass that follows the
    /// change from the caller's point of view can miss it (a free worker becoming visible only to others was the bug of
    /// a view refreshed outside these turns).
    /// </summary>
    private async Task SaveAsync()
    {
        state.State.RoutingVersion++;
        await state.WriteStateAsync();
        var routing = RoutingStateOf(state.State.Worker!);
        _ = GrainFactory.GetGrain<IWorkspaceGrain>(WorkspaceSid).WorkerChanged(routing);
        if (state.State.Worker!.Version != _catalogedVersion)
        {
            await CatalogAsync();
        }
    }

    /// <summary>
    /// Gives the catalog the worker at its version. Offers and their ends change only the routing state, not the worker
    /// lists show, so they write nothing here.
    /// </summary>
    private async Task CatalogAsync()
    {
        var worker = state.State.Worker!;
        var entry = new RoutingEntry(
            RoutingKind.Worker,
            worker.WorkspaceSid,
            worker.Sid,
            worker.Version,
            worker.DateCreated,
            worker.ActivityName,
            GroupSid: null,
            JsonSerializer.SerializeToUtf8Bytes(worker, RoutingJsonContext.Default.Worker));
        await catalog.SaveAsync(entry, CancellationToken.None);
        _catalogedVersion = worker.Version;
    }

    private WorkerRoutingState RoutingStateOf(Worker worker) =>
        new(worker.Sid, worker.Available, worker.IdleSince, worker.DateCreated, [.. state.State.Skills],
            state.State.OpenReservationSids.Count > 0, state.State.RoutingVersion);

    private RoutingResult<T> NotFound<T>()
        where T : class => RoutingResult.NotFound<T>($"Worker {WorkerSid} does not exist in workspace {WorkspaceSid}.");
}
