using System.Text.Json.Serialization;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary>The state of a session's call.</summary>
[JsonConverter(typeof(SessionEnumConverter<SessionCallState>))]
public enum SessionCallState
{
    /// <summary>No call is connected.</summary>
    Disconnected,

    /// <summary>The call is ringing.</summary>
    Ringing,

    /// <summary>The call is connected.</summary>
    Connected,

    /// <summary>The call is on hold.</summary>
    Hold,

    /// <summary>The session follows a call it does not control.</summary>
    Passive,
}
