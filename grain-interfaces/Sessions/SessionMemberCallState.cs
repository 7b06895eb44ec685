using System.Text.Json.Serialization;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary>The call state of one member of a session.</summary>
[JsonConverter(typeof(SessionEnumConverter<SessionMemberCallState>))]
public enum SessionMemberCallState
{
    /// <summary>The member has no call.</summary>
    None,

    /// <summary>The member's call is ringing.</summary>
    Ringing,

    /// <summary>The member's call is connected.</summary>
    Connected,

    /// <summary>The member's call is on hold.</summary>
    Hold,
}
