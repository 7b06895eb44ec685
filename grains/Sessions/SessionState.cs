using Orleans;
using Telephony.GrainInterfaces.Calls;
using Telephony.GrainInterfaces.Sessions;

namespace Telephony.Grains.Sessions;

/// <summary>Persistent state of a session grain: the session as clients see it and what the grain needs to keep it right.</summary>
[GenerateSerializer, Alias("telephony.state.SessionState")]
public sealed class SessionState
{
    /// <summary>The session; null until it starts.</summary>
    [Id(0)]
    public SessionInfo? Session { get; set; }

    /// <summary>How many changes the session has had.</summary>
    [Id(1)]
    public long Version { get; set; }

    /// <summary>The last leg update applied per call leg, so an older one is ignored.</summary>
    [Id(2)]
    public Dictionary<string, long> LegVersions { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The provider event behind each leg's version taken, when one was named (see <see cref="CallLegUpdate.EventId"/>).</summary>
    [Id(10)]
    public Dictionary<string, string> LegEvents { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Each leg's status as last reported.</summary>
    [Id(3)]
    public Dictionary<string, CallLegStatus> LegStatuses { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Legs we put on hold and have not taken off it.</summary>
    [Id(4)]
    public List<string> HeldCallSids { get; set; } = [];

    /// <summary>Legs last reported in the session's conference: a member is removed from it only once it is there.</summary>
    [Id(11)]
    public List<string> ConferencedCallSids { get; set; } = [];

    /// <summary>Whether someone took the call: the called party of an outgoing call, an agent of an incoming one.</summary>
    [Id(5)]
    public bool Answered { get; set; }

    /// <summary>Commands sent to the provider and not yet answered; resumed (or reported lost) on reactivation.</summary>
    [Id(6)]
    public List<CallCommand> PendingCommands { get; set; } = [];

    /// <summary>How many commands the session has issued; numbers their ids.</summary>
    [Id(7)]
    public int CommandCount { get; set; }

    /// <summary>The routing task the incoming call became, once queued.</summary>
    [Id(8)]
    public SessionTask? Task { get; set; }
}
