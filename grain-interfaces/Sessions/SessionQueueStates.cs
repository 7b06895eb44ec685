using System.Text.Json.Serialization;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary>Where a session stands in a queue.</summary>
[JsonConverter(typeof(SessionEnumConverter<SessionQueueStates>))]
public enum SessionQueueStates
{
    /// <summary>Not queued.</summary>
    None,

    /// <summary>Waiting in a queue.</summary>
    Queued,

    /// <summary>Offered to an agent, ringing.</summary>
    Ringing,

    /// <summary>Connected to an agent.</summary>
    Connected,

    /// <summary>On hold in the queue.</summary>
    Hold,

    /// <summary>Left the queue.</summary>
    Disconnected,
}
