using Telephony.GrainInterfaces.Routing;

namespace Telephony.Grains.Routing;

/// <summary>
/// The reservation state machine: which status may follow which, what an instruction may expect, the next version a
/// task's ruling makes, the worker event each status raises, and when an offer times out.
/// </summary>
internal static class ReservationTransitions
{
    /// <summary>Null when the reservation exists at the instruction's expected version (if it names one); else the answer.</summary>
    public static RoutingResult<Reservation>? Check(Reservation? current, string sid, ReservationInstruction instruction)
    {
        if (current is null)
        {
            return RoutingResult.NotFound<Reservation>($"Reservation {sid} does not exist.");
        }

        return instruction.ExpectedVersion is { } expected && expected != current.Version
            ? RoutingResult.StaleVersion(current, expected, current.Version)
            : null;
    }

    /// <summary>Null when an instruction may ask to move the reservation to <paramref name="target"/>; else the answer.</summary>
    public static RoutingResult<Reservation>? CheckTarget(Reservation current, ReservationStatus target) =>
        IsLegal(current.Status, target) ? null : RoutingResult.IllegalTransition(current, $"A {Describe(current.Status)} reservation cannot become {Describe(target)}.");

    /// <summary>
    /// The reservation after its task's <paramref name="ruling"/>: the ruled status as the next version; null when the
    /// reservation already has that status or the ruling is no legal move from it.
    /// </summary>
    public static Reservation? Next(Reservation current, ReservationResolution ruling, DateTimeOffset now) =>
        current.Status == ruling.Status || !IsLegal(current.Status, ruling.Status)
            ? null
            : current with
            {
                Status = ruling.Status,
                Task = ruling.Task,
                CanceledReasonCode = ruling.Status == ReservationStatus.Canceled ? ruling.CanceledReasonCode : current.CanceledReasonCode,
                DateUpdated = now,
                Version = current.Version + 1,
            };

    /// <summary>When a pending offer times out.</summary>
    public static DateTimeOffset Deadline(Reservation reservation) => reservation.DateCreated.AddSeconds(reservation.Timeout);

    /// <summary>A status as TaskRouter spells it in text.</summary>
    public static string Describe(ReservationStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>True when a reservation in <paramref name="from"/> may move to <paramref name="to"/>.</summary>
    public static bool IsLegal(ReservationStatus from, ReservationStatus to) => (from, to) switch
    {
        (ReservationStatus.Pending, ReservationStatus.Accepted or ReservationStatus.Rejected or ReservationStatus.Timeout
            or ReservationStatus.Canceled or ReservationStatus.Rescinded) => true,
        (ReservationStatus.Accepted, ReservationStatus.Wrapping or ReservationStatus.Completed) => true,
        (ReservationStatus.Wrapping, ReservationStatus.Completed) => true,
        _ => false,
    };

    /// <summary>True while the reservation occupies its worker (pending, accepted, wrapping).</summary>
    public static bool IsOpen(ReservationStatus status) =>
        status is ReservationStatus.Pending or ReservationStatus.Accepted or ReservationStatus.Wrapping;

    /// <summary>The worker event announcing that a reservation reached <paramref name="status"/>.</summary>
    public static WorkerEventType EventFor(ReservationStatus status) => status switch
    {
        ReservationStatus.Pending => WorkerEventType.ReservationCreated,
        ReservationStatus.Accepted => WorkerEventType.ReservationAccepted,
        ReservationStatus.Rejected => WorkerEventType.ReservationRejected,
        ReservationStatus.Timeout => WorkerEventType.ReservationTimeout,
        ReservationStatus.Canceled => WorkerEventType.ReservationCanceled,
        ReservationStatus.Rescinded => WorkerEventType.ReservationRescinded,
        ReservationStatus.Wrapping => WorkerEventType.ReservationWrapup,
        ReservationStatus.Completed => WorkerEventType.ReservationCompleted,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown reservation status."),
    };
}
