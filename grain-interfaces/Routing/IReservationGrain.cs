using Telephony.Runtime;

namespace Telephony.GrainInterfaces.Routing;

/// <summary>
/// A reservation (key: reservation sid): one task offered to one worker, with legal transitions only
/// and a version that increases by one on every change. Instructions refuse a stale expected
/// version and an illegal transition without changing anything.
/// </summary>
public interface IReservationGrain : IGrainWithStringKey
{
    /// <summary>The reservation (TaskRouter's <c>fetchLatestVersion</c>).</summary>
    Task<RoutingResult<Reservation>> Get();

    /// <summary>pending → accepted, unless a sibling was accepted first (then it is rescinded and this is refused).</summary>
    Task<RoutingResult<Reservation>> Accept(ReservationInstruction instruction);

    /// <summary>pending → rejected; the task is offered to the next worker.</summary>
    Task<RoutingResult<Reservation>> Reject(ReservationInstruction instruction);

    /// <summary>accepted → wrapping.</summary>
    Task<RoutingResult<Reservation>> Wrap(ReservationInstruction instruction);

    /// <summary>accepted or wrapping → completed; the worker is free again.</summary>
    Task<RoutingResult<Reservation>> Complete(ReservationInstruction instruction);

    /// <summary>Called by the task: creates the reservation if the worker takes the offer; null when it declines.</summary>
    Task<Reservation?> Create(ReservationOffer offer);

    /// <summary>Called by the task when it is canceled: pending → canceled with the task's reason code; otherwise nothing.</summary>
    Task Cancel(RoutingTask task);

    /// <summary>Called by the task when a sibling was accepted: pending → rescinded; otherwise nothing.</summary>
    Task Rescind(RoutingTask task);
}
