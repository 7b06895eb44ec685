using Telephony.Grains.Calls;
using Xunit;

namespace Telephony.Grains.Tests.Calls;

public sealed class RecentEventsTests
{
    [Fact]
    public void An_event_seen_before_is_recognised_whether_or_not_it_carries_the_owner_id()
    {
        var seen = new RecentEvents();

        Assert.True(seen.Remember("CA1:3", "CA1"));
        Assert.False(seen.Remember("CA1:3", "CA1"));
        Assert.True(seen.Remember("CA1:4", "CA1"));
    }

    [Fact]
    public void The_owner_id_is_not_stored_with_each_event()
    {
        var seen = new RecentEvents();

        seen.Remember("CA1:3", "CA1");
        seen.Remember("CA10:3", "CA1");
        seen.Remember("answer:c-1:2026-11-21T12:00:00.0000000Z", "c-1");

        Assert.Equal(["3", "CA10:3", "answer:c-1:2026-11-21T12:00:00.0000000Z"], seen.Ids);
    }

    [Fact]
    public void Only_the_newest_ids_are_kept()
    {
        var seen = new RecentEvents();
        for (var i = 0; i <= RecentEvents.Capacity; i++)
        {
            seen.Remember($"CA1:{i}", "CA1");
        }

        Assert.Equal(RecentEvents.Capacity, seen.Ids.Count);
        Assert.True(seen.Remember("CA1:0", "CA1"));
        Assert.False(seen.Remember($"CA1:{RecentEvents.Capacity}", "CA1"));
    }
}
