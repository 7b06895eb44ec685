using Telephony.GrainInterfaces.Sessions.Events;

namespace Telephony.Grains.Sessions.Events;

/// <summary>
/// A shard's newest events, at most <see cref="Capacity"/>, numbered on from its activation's epoch: the oldest is
/// dropped as each new one comes, so memory never grows with the account's history.
/// </summary>
internal sealed class SessionEventRing(long epoch, int capacity)
{
    private readonly Queue<SessionEvent> _events = new(capacity);

    /// <summary>The most events kept.</summary>
    public int Capacity => capacity;

    /// <summary>The newest position: the activation's start while nothing was added.</summary>
    public long Newest { get; private set; } = SessionEventPositions.Of(epoch, 0);

    /// <summary>The newest position dropped from the ring (or the activation's start): a reader at or after it misses nothing.</summary>
    private long Floor { get; set; } = SessionEventPositions.Of(epoch, 0);

    /// <summary>Numbers the change's events on from <see cref="Newest"/> and keeps them; returns them.</summary>
    public IReadOnlyList<SessionEvent> Add(SessionChange change)
    {
        var added = new SessionEvent[change.Kinds.Count];
        for (var i = 0; i < added.Length; i++)
        {
            Newest++;
            added[i] = new SessionEvent(Newest, change.Kinds[i], change);
            if (_events.Count == capacity)
            {
                Floor = _events.Dequeue().Position;
            }

            _events.Enqueue(added[i]);
        }

        return added;
    }

    /// <summary>The events after <paramref name="after"/>, or lost when the ring no longer holds all of them (or never did).</summary>
    public SessionEventPage After(long after) =>
        after < Floor || after > Newest
            ? new SessionEventPage([], Lost: true, Newest)
            : new SessionEventPage([.. _events.Where(e => e.Position > after)], Lost: false, Newest);
}
