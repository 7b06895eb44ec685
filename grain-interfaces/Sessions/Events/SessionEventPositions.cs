namespace Telephony.GrainInterfaces.Sessions.Events;

/// <summary>
/// A shard's positions: the activation's epoch (stored, one more on every activation) in the high 32 bits and the
/// event's number within the activation in the low 32. They only grow, across activations too, so a position of an
/// earlier activation is recognised and never taken for one of the current ring.
/// </summary>
public static class SessionEventPositions
{
    /// <summary>The position of event <paramref name="number"/> (0: before the first) of <paramref name="epoch"/>.</summary>
    public static long Of(long epoch, long number) => (epoch << 32) | number;

    /// <summary>The epoch a position belongs to.</summary>
    public static long EpochOf(long position) => position >>> 32;
}
