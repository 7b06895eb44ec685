using Telephony.GrainInterfaces.Sessions.Events;
using Telephony.Grains.Sessions.Events;

namespace Telephony.Grains.Tests.Sessions.Events;

/// <summary>A shard's ring numbers events in order, keeps only the newest, and says when a reader asks for what it no longer holds.</summary>
public sealed class SessionEventRingTests
{
    private static readonly SessionChange Change = new("acme", "s1", [SessionEventKind.InfoChanged, SessionEventKind.ActiveSessionsChanged], [], ["ann"], Ended: false);

    [Fact]
    public void Events_are_numbered_on_from_the_epoch_in_the_order_of_their_change()
    {
        var ring = new SessionEventRing(epoch: 3, capacity: 8);

        var added = ring.Add(Change);

        Assert.Equal([SessionEventPositions.Of(3, 1), SessionEventPositions.Of(3, 2)], added.Select(e => e.Position));
        Assert.Equal([SessionEventKind.InfoChanged, SessionEventKind.ActiveSessionsChanged], added.Select(e => e.Kind));
        Assert.Equal(SessionEventPositions.Of(3, 2), ring.Newest);
    }

    [Fact]
    public void A_reader_resumes_exactly_after_its_position()
    {
        var ring = new SessionEventRing(epoch: 1, capacity: 8);
        ring.Add(Change);
        ring.Add(Change);

        var page = ring.After(SessionEventPositions.Of(1, 1));

        Assert.False(page.Lost);
        Assert.Equal([2L, 3, 4], page.Events.Select(e => e.Position - SessionEventPositions.Of(1, 0)));
        Assert.Empty(ring.After(ring.Newest).Events);
        Assert.False(ring.After(ring.Newest).Lost);
    }

    [Fact]
    public void The_ring_keeps_its_capacity_and_a_reader_behind_it_is_told_events_were_lost()
    {
        var ring = new SessionEventRing(epoch: 1, capacity: 3);
        for (var i = 0; i < 5; i++)
        {
            ring.Add(Change);
        }

        var behind = ring.After(SessionEventPositions.Of(1, 6));
        var atTheOldestKept = ring.After(SessionEventPositions.Of(1, 7));

        Assert.Equal((true, 0, SessionEventPositions.Of(1, 10)), (behind.Lost, behind.Events.Count, behind.Newest));
        Assert.Equal([8L, 9, 10], atTheOldestKept.Events.Select(e => e.Position - SessionEventPositions.Of(1, 0)));
    }

    [Fact]
    public void A_position_of_another_activation_or_from_beyond_the_newest_is_lost()
    {
        var ring = new SessionEventRing(epoch: 2, capacity: 8);
        ring.Add(Change);

        Assert.True(ring.After(SessionEventPositions.Of(1, 1)).Lost);
        Assert.True(ring.After(0).Lost);
        Assert.True(ring.After(SessionEventPositions.Of(2, 3)).Lost);
        Assert.True(ring.After(SessionEventPositions.Of(3, 0)).Lost);
        Assert.False(ring.After(SessionEventPositions.Of(2, 0)).Lost);
    }
}
