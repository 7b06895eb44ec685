using Telephony.GrainInterfaces.Calls;

namespace Telephony.Grains.Calls;

/// <summary>Persistent state of a conference grain.</summary>
public sealed class ConferenceState
{
    /// <summary>The conference as last known.</summary>
    public Conference Conference { get; set; } = new();

    /// <summary>Recently seen provider events.</summary>
    public RecentEvents Seen { get; set; } = new();

    /// <summary>Position of the last join/leave of each leg, so a late join cannot re-add a leg that left.</summary>
    public Dictionary<string, EventOrder> LastMembershipChange { get; set; } = [];
}
