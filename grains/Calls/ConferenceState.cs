using Orleans;
using Telephony.GrainInterfaces.Calls;

namespace Telephony.Grains.Calls;

/// <summary>Persistent state of a conference grain.</summary>
[GenerateSerializer, Alias("telephony.state.ConferenceState")]
public sealed class ConferenceState
{
    /// <summary>The conference as last known.</summary>
    [Id(0)]
    public Conference Conference { get; set; } = new();

    /// <summary>Recently seen provider events.</summary>
    [Id(1)]
    public RecentEvents Seen { get; set; } = new();

    /// <summary>Position of the last join/leave of each leg, so a late join cannot re-add a leg that left.</summary>
    [Id(2)]
    public Dictionary<string, EventOrder> LastMembershipChange { get; set; } = [];
}
