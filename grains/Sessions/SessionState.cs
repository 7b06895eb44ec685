using Telephony.GrainInterfaces.Calls;
using Telephony.GrainInterfaces.Sessions;

namespace Telephony.Grains.Sessions;

/// <summary>Persistent state of a session grain: the session as clients see it and what the grain needs to keep it right.</summary>
public sealed class SessionState
{
    /// <summary>The session; null until it starts.</summary>
    public SessionInfo? Session { get; set; }

    /// <summary>How many changes the session has had.</summary>
    public long Version { get; set; }

    /// <summary>The last leg update applied per call leg, so an older one is ignored.</summary>
    public Dictionary<string, long> LegVersions { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Each leg's status as last reported.</summary>
    public Dictionary<string, CallLegStatus> LegStatuses { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Legs we put on hold and have not taken off it.</summary>
    public List<string> HeldCallSids { get; set; } = [];

    /// <summary>Whether someone took the call: the called party of an outgoing call, an agent of an incoming one.</summary>
    public bool Answered { get; set; }

    /// <summary>Commands sent to the provider and not yet answered; resumed (or reported lost) on reactivation.</summary>
    public List<CallCommand> PendingCommands { get; set; } = [];

    /// <summary>How many commands the session has issued; numbers their ids.</summary>
    public int CommandCount { get; set; }

    /// <summary>The routing task the incoming call became, once queued.</summary>
    public SessionTask? Task { get; set; }

    /// <summary>The summary last given to the account's session index.</summary>
    public SessionSummary? Indexed { get; set; }
}
