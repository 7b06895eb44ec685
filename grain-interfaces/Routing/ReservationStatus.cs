using System.Text.Json.Serialization;

namespace Telephony.GrainInterfaces.Routing;

/// <summary>A reservation's status, spelled on the wire as TaskRouter spells it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReservationStatus>))]
public enum ReservationStatus
{
    /// <summary>Offered to the worker, waiting for an answer.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending,

    /// <summary>The worker took the task.</summary>
    [JsonStringEnumMemberName("accepted")]
    Accepted,

    /// <summary>The worker declined the offer.</summary>
    [JsonStringEnumMemberName("rejected")]
    Rejected,

    /// <summary>The worker did not answer within the reservation timeout.</summary>
    [JsonStringEnumMemberName("timeout")]
    Timeout,

    /// <summary>The task ended (for example the caller hung up) before anyone accepted.</summary>
    [JsonStringEnumMemberName("canceled")]
    Canceled,

    /// <summary>Another worker accepted a sibling reservation of the same task first.</summary>
    [JsonStringEnumMemberName("rescinded")]
    Rescinded,

    /// <summary>The work is done and the worker is wrapping up.</summary>
    [JsonStringEnumMemberName("wrapping")]
    Wrapping,

    /// <summary>The work and its wrap-up are finished.</summary>
    [JsonStringEnumMemberName("completed")]
    Completed,
}
