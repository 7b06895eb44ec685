using System.Text.Json.Serialization;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary>Why a session was put on hold.</summary>
[JsonConverter(typeof(SessionEnumConverter<SessionHoldReasons>))]
public enum SessionHoldReasons
{
    /// <summary>No particular reason.</summary>
    None,

    /// <summary>Held while the call is being transferred.</summary>
    Transferring,
}
