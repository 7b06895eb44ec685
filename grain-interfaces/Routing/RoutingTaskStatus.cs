using System.Text.Json.Serialization;

namespace Telephony.GrainInterfaces.Routing;

/// <summary>A task's assignment status, spelled on the wire as TaskRouter spells it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RoutingTaskStatus>))]
public enum RoutingTaskStatus
{
    /// <summary>Waiting in its queue for a worker.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending,

    /// <summary>Offered to one or more workers, none has accepted yet.</summary>
    [JsonStringEnumMemberName("reserved")]
    Reserved,

    /// <summary>A worker accepted it.</summary>
    [JsonStringEnumMemberName("assigned")]
    Assigned,

    /// <summary>The worker is wrapping up.</summary>
    [JsonStringEnumMemberName("wrapping")]
    Wrapping,

    /// <summary>Done.</summary>
    [JsonStringEnumMemberName("completed")]
    Completed,

    /// <summary>Ended before it was assigned.</summary>
    [JsonStringEnumMemberName("canceled")]
    Canceled,
}
