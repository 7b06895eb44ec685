using System.Text.Json.Serialization;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary>Which way a session started.</summary>
[JsonConverter(typeof(SessionEnumConverter<SessionDirections>))]
public enum SessionDirections
{
    /// <summary>Started by the outside party.</summary>
    Incoming,

    /// <summary>Started by us.</summary>
    Outgoing,
}
