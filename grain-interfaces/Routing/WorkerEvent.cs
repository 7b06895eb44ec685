using System.Text.Json.Serialization;
using Orleans;

namespace Telephony.GrainInterfaces.Routing;

/// <summary>What happened to one of a worker's reservations, spelled as TaskRouter's event types.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkerEventType>))]
public enum WorkerEventType
{
    /// <summary>A task was offered to the worker.</summary>
    [JsonStringEnumMemberName("reservation.created")]
    ReservationCreated,

    /// <summary>The worker accepted.</summary>
    [JsonStringEnumMemberName("reservation.accepted")]
    ReservationAccepted,

    /// <summary>The worker rejected.</summary>
    [JsonStringEnumMemberName("reservation.rejected")]
    ReservationRejected,

    /// <summary>The worker did not answer in time.</summary>
    [JsonStringEnumMemberName("reservation.timeout")]
    ReservationTimeout,

    /// <summary>The task was canceled before anyone accepted.</summary>
    [JsonStringEnumMemberName("reservation.canceled")]
    ReservationCanceled,

    /// <summary>Another worker accepted the task first.</summary>
    [JsonStringEnumMemberName("reservation.rescinded")]
    ReservationRescinded,

    /// <summary>The worker is wrapping up.</summary>
    [JsonStringEnumMemberName("reservation.wrapup")]
    ReservationWrapup,

    /// <summary>The work is finished.</summary>
    [JsonStringEnumMemberName("reservation.completed")]
    ReservationCompleted,
}

/// <summary>One entry of a worker's event log; <see cref="Id"/> increases by one per worker, for <c>Last-Event-ID</c> replay.</summary>
/// <param name="Id">Position in the worker's log, starting at 1.</param>
/// <param name="EventType">What happened.</param>
/// <param name="Reservation">The reservation as it was right after the change.</param>
/// <param name="Timestamp">When it was recorded.</param>
[GenerateSerializer, Alias("telephony.WorkerEvent"), Immutable]
public sealed record WorkerEvent([Id(0)] long Id, [Id(1)] WorkerEventType EventType, [Id(2)] Reservation Reservation, [Id(3)] DateTimeOffset Timestamp);
