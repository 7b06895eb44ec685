using Orleans;

namespace Telephony.GrainInterfaces.Routing;

/// <summary>A worker (key: <c>{workspaceSid}/{workerSid}</c>) and its stored event log.</summary>
[Alias("telephony.IWorkerGrain")]
public interface IWorkerGrain : IGrainWithStringKey
{
    /// <summary>Creates the worker; called by the workspace, which mints the sid.</summary>
    [Alias("Create")]
    Task<RoutingResult<Worker>> Create(string accountSid, CreateWorkerRequest request);

    /// <summary>The worker.</summary>
    [Alias("Get")]
    Task<RoutingResult<Worker>> Get();

    /// <summary>Changes name, attributes or activity.</summary>
    [Alias("Update")]
    Task<RoutingResult<Worker>> Update(UpdateWorkerRequest request);

    /// <summary>Stored events with ids greater than <paramref name="afterId"/>, oldest first (0 for all that are kept).</summary>
    [Alias("GetEvents")]
    Task<RoutingResult<IReadOnlyList<WorkerEvent>>> GetEvents(long afterId);

    /// <summary>
    /// Sends the events stored from now on to <paramref name="observer"/> for <c>WorkerGrain.FollowLease</c> (follow again
    /// before it runs out); answers the id of the newest event stored so far, so the follower can fetch what it missed.
    /// </summary>
    [Alias("Follow")]
    Task<long> Follow(IWorkerEventObserver observer);

    /// <summary>Stops sending events to <paramref name="observer"/>.</summary>
    [Alias("Unfollow")]
    Task Unfollow(IWorkerEventObserver observer);

    /// <summary>Router input: availability, idle time, skills and whether the worker is busy; null when it does not exist.</summary>
    [Alias("GetRoutingState")]
    Task<WorkerRoutingState?> GetRoutingState();

    /// <summary>
    /// Called by a new reservation: takes the offer if the worker exists, is available and holds no open
    /// reservation, then logs <c>reservation.created</c>. False when the offer is declined.
    /// </summary>
    [Alias("ReceiveOffer")]
    Task<bool> ReceiveOffer(Reservation reservation);

    /// <summary>Called by a reservation after each later change: logs the event and frees the worker when the reservation ends.</summary>
    [Alias("RecordReservationEvent")]
    Task RecordReservationEvent(WorkerEventType eventType, Reservation reservation);
}
