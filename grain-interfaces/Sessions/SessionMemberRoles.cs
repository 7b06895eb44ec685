using System.Text.Json.Serialization;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary>The part a member plays in a session.</summary>
[JsonConverter(typeof(SessionEnumConverter<SessionMemberRoles>))]
public enum SessionMemberRoles
{
    /// <summary>No particular role.</summary>
    None,

    /// <summary>The outside party who called or was called.</summary>
    Caller,

    /// <summary>An agent handling the session.</summary>
    Agent,

    /// <summary>A party the session is being transferred to.</summary>
    Transfer,
}
