using Orleans;

namespace Telephony.GrainInterfaces.Routing;

/// <summary>
/// A task (key: <c>{workspaceSid}/{taskSid}</c>): its status and the reservations made for it. It is the
/// single judge of who gets the task: the first accept wins, siblings are rescinded, and a cancel
/// before assignment cancels every pending reservation.
/// </summary>
[Alias("telephony.ITaskGrain")]
public interface ITaskGrain : IGrainWithStringKey
{
    /// <summary>Creates the task; called by the workspace, which mints the sid and then routes it.</summary>
    [Alias("Create")]
    Task<RoutingResult<RoutingTask>> Create(string accountSid, CreateTaskRequest request);

    /// <summary>The task.</summary>
    [Alias("Get")]
    Task<RoutingResult<RoutingTask>> Get();

    /// <summary>Changes attributes or priority.</summary>
    [Alias("Update")]
    Task<RoutingResult<RoutingTask>> Update(UpdateTaskRequest request);

    /// <summary>
    /// Cancels a pending or reserved task (the caller hung up); its pending reservations become canceled
    /// with <paramref name="reasonCode"/> shortly after, each in its own turn. Refused once assigned.
    /// </summary>
    [Alias("Cancel")]
    Task<RoutingResult<RoutingTask>> Cancel(int reasonCode);

    /// <summary>Every reservation made for the task, oldest first.</summary>
    [Alias("GetReservations")]
    Task<RoutingResult<IReadOnlyList<TaskReservationRef>>> GetReservations();

    /// <summary>Router input: offer the task, if still pending, to the given workers.</summary>
    [Alias("Offer")]
    Task<OfferResult> Offer(TaskOffer offer);

    /// <summary>
    /// Called by a reservation that wants to leave pending (accepted, rejected, timeout) or move on
    /// (wrapping, completed): records the change and answers the status the reservation must take.
    /// </summary>
    [Alias("ResolveReservation")]
    Task<ReservationResolution> ResolveReservation(string reservationSid, ReservationStatus requested);
}
