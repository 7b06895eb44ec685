using System.Text.Json.Serialization;

namespace Telephony.GrainInterfaces.Sessions.Events;

/// <summary>Evo Voice's live session notifications, spelled as the session event stream names them.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SessionEventKind>))]
public enum SessionEventKind
{
    /// <summary>The session's call was answered: it is connected for the first time.</summary>
    [JsonStringEnumMemberName("session.answered")]
    Answered,

    /// <summary>A participant was put on hold or taken off it; the session's call and member states say which.</summary>
    [JsonStringEnumMemberName("session.held")]
    Held,

    /// <summary>Anything else about the session changed (including its start).</summary>
    [JsonStringEnumMemberName("session.info")]
    InfoChanged,

    /// <summary>The account's live sessions changed: the session started or ended.</summary>
    [JsonStringEnumMemberName("sessions.active")]
    ActiveSessionsChanged,

    /// <summary>The session ended.</summary>
    [JsonStringEnumMemberName("session.disconnected")]
    Disconnected,
}
