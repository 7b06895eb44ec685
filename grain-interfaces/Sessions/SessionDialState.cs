using System.Text.Json.Serialization;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary>Whether a session is still being dialled or worked on.</summary>
[JsonConverter(typeof(SessionEnumConverter<SessionDialState>))]
public enum SessionDialState
{
    /// <summary>Nothing is being dialled.</summary>
    None,

    /// <summary>The session is live.</summary>
    Active,
}
