using Orleans;
using Orleans.Concurrency;

namespace Telephony.GrainInterfaces.Routing;

/// <summary>
/// A reservation (key: reservation sid): one task offered to one worker, with legal transitions only
/// and a version that increases by one on every change. Instructions refuse a stale expected
/// version and an illegal transition without changing anything.
/// </summary>
[Alias("telephony.IReservationGrain")]
public interface IReservationGrain : IGrainWithStringKey
{
    /// <summary>The reservation (TaskRouter's <c>fetchLatestVersion</c>).</summary>
    [Alias("Get")]
    Task<RoutingResult<Reservation>> Get();

    /// <summary>pending → accepted, unless a sibling was accepted first (then it is rescinded and this is refused).</summary>
    [Alias("Accept")]
    Task<RoutingResult<Reservation>> Accept(ReservationInstruction instruction);

    /// <summary>pending → rejected; the task is offered to the next worker.</summary>
    [Alias("Reject")]
    Task<RoutingResult<Reservation>> Reject(ReservationInstruction instruction);

    /// <summary>
    /// Accepts and dials the worker (<see cref="ReservationInstruction.To"/> or its <c>contact_uri</c>) into the
    /// conference where the task's caller waits.
    /// </summary>
    [Alias("Conference")]
    Task<RoutingResult<Reservation>> Conference(ReservationInstruction instruction);

    /// <summary>
    /// Accepts and bridges the waiting caller to the worker's <c>contact_uri</c> (or <see cref="ReservationInstruction.To"/>).
    /// The caller already waits in the session's conference, so this dials the worker into it, as conference does.
    /// </summary>
    [Alias("Dequeue")]
    Task<RoutingResult<Reservation>> Dequeue(ReservationInstruction instruction);

    /// <summary>
    /// Accepts and places a call to the worker (<see cref="ReservationInstruction.To"/> or its <c>contact_uri</c>) from
    /// <see cref="ReservationInstruction.From"/> that runs the instructions at <see cref="ReservationInstruction.Url"/> when answered.
    /// </summary>
    [Alias("Call")]
    Task<RoutingResult<Reservation>> Call(ReservationInstruction instruction);

    /// <summary>
    /// Accepts and moves <see cref="ReservationInstruction.CallSid"/>, a call of the task's session, to the instructions
    /// at <see cref="ReservationInstruction.Url"/>.
    /// </summary>
    [Alias("Redirect")]
    Task<RoutingResult<Reservation>> Redirect(ReservationInstruction instruction);

    /// <summary>Holds or mutes the worker's leg of an accepted reservation's call; the reservation itself does not change.</summary>
    [Alias("UpdateParticipant")]
    Task<RoutingResult<Reservation>> UpdateParticipant(ReservationInstruction instruction);

    /// <summary>accepted → wrapping.</summary>
    [Alias("Wrap")]
    Task<RoutingResult<Reservation>> Wrap(ReservationInstruction instruction);

    /// <summary>accepted or wrapping → completed; the worker is free again.</summary>
    [Alias("Complete")]
    Task<RoutingResult<Reservation>> Complete(ReservationInstruction instruction);

    /// <summary>Called by the task: creates the reservation if the worker takes the offer; null when it declines.</summary>
    [Alias("Create")]
    Task<Reservation?> Create(ReservationOffer offer);

    /// <summary>Called by the task when it is canceled: pending → canceled with the task's reason code; otherwise nothing.</summary>
    [Alias("Cancel")]
    [OneWay]
    Task Cancel(RoutingTask task);

    /// <summary>Called by the task when a sibling was accepted: pending → rescinded; otherwise nothing.</summary>
    [Alias("Rescind")]
    [OneWay]
    Task Rescind(RoutingTask task);
}
