using Telephony.GrainInterfaces.Calls;

namespace Telephony.Grains.Calls;

/// <summary>Persistent state of a call leg grain.</summary>
public sealed class CallLegState
{
    /// <summary>The leg as last known.</summary>
    public CallLeg Leg { get; set; } = new();

    /// <summary>How many changes the leg has had; orders the updates its session receives.</summary>
    public long Version { get; set; }

    /// <summary>Recently seen provider events.</summary>
    public RecentEvents Seen { get; set; } = new();

    /// <summary>Position of the last hold/mute event, so an older one cannot undo a newer one.</summary>
    public EventOrder? LastParticipantChange { get; set; }

    /// <summary>Position of the last conference join/leave of this leg.</summary>
    public EventOrder? LastMembershipChange { get; set; }
}
