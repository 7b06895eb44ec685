using Telephony.Runtime;

namespace Telephony.GrainInterfaces.Routing;

/// <summary>A worker (key: <c>{workspaceSid}/{workerSid}</c>) and its stored event log.</summary>
public interface IWorkerGrain : IGrainWithStringKey
{
    /// <summary>Creates the worker; called by the workspace, which mints the sid.</summary>
    Task<RoutingResult<Worker>> Create(string accountSid, CreateWorkerRequest request);

    /// <summary>The worker.</summary>
    Task<RoutingResult<Worker>> Get();

    /// <summary>Changes name, attributes or activity.</summary>
    Task<RoutingResult<Worker>> Update(UpdateWorkerRequest request);

    /// <summary>Stored events with ids greater than <paramref name="afterId"/>, oldest first (0 for all that are kept).</summary>
    Task<RoutingResult<IReadOnlyList<WorkerEvent>>> GetEvents(long afterId);

    /// <summary>Router input: availability, idle time, skills and whether the worker is busy; null when it does not exist.</summary>
    Task<WorkerRoutingState?> GetRoutingState();

    /// <summary>
    /// Called by a new reservation: takes the offer if the worker exists, is available and holds no open
    /// reservation, then logs <c>reservation.created</c>. False when the offer is declined.
    /// </summary>
    Task<bool> ReceiveOffer(Reservation reservation);

    /// <summary>Called by a reservation after each later change: logs the event and frees the worker when the reservation ends.</summary>
    Task RecordReservationEvent(WorkerEventType eventType, Reservation reservation);
}
