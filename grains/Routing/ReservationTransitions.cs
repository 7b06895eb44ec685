using Telephony.GrainInterfaces.Routing;

namespace Telephony.Grains.Routing;

/// <summary>The reservation state machine: which status may follow which, and the worker event each status raises.</summary>
internal static class ReservationTransitions
{
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
