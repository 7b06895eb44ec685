using Orleans;
using Telephony.GrainInterfaces.Calls;

namespace Telephony.Grains.Calls;

/// <summary>Persistent state of a call leg grain.</summary>
[GenerateSerializer, Alias("telephony.state.CallLegState")]
public sealed class CallLegState
{
    /// <summary>The leg as last known.</summary>
    [Id(0)]
    public CallLeg Leg { get; set; } = new();

    /// <summary>How many changes the leg has had; orders the updates its session receives.</summary>
    [Id(1)]
    public long Version { get; set; }

    /// <summary>Recently seen provider events.</summary>
    [Id(2)]
    public RecentEvents Seen { get; set; } = new();

    /// <summary>Position of the last hold/mute event, so an older one cannot undo a newer one.</summary>
    [Id(3)]
    public EventOrder? LastParticipantChange { get; set; }

    /// <summary>Position of the last conference join/leave of this leg.</summary>
    [Id(4)]
    public EventOrder? LastMembershipChange { get; set; }
}
