using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Telephony.GrainInterfaces.Sessions;
using Telephony.GrainInterfaces.Sessions.Events;
using Telephony.Grains.Sessions.Events;
using Telephony.Testing;
using static Telephony.Grains.Tests.Sessions.SessionHarness;

namespace Telephony.Grains.Tests.Sessions.Events;

/// <summary>
/// A session's changes reach the account's subscribers on every node in order, as Evo Voice's notifications; another
/// account hears nothing; a reader resumes exactly from the shard's ring, and is told when the ring no longer holds
/// what it missed.
/// </summary>
public sealed class SessionEventFeedTests
{
    [Fact]
    public async Task A_call_answered_held_unheld_and_ended_reaches_the_account_subscriber_in_order_and_no_other_account()
    {
        await using var harness = await StartAsync();
        var broadcaster = harness.Cluster.SiloService<SessionEventBroadcaster>();
        using var acme = await broadcaster.SubscribeAsync(AccountId, default);
        using var other = await broadcaster.SubscribeAsync("other", default);

        await harness.ConnectedCallAsync("s1");
        Succeeded(await harness.Session("s1").Hold(Agent, new HoldSession { SessionId = "s1" }));
        Succeeded(await harness.Session("s1").Unhold(Agent, new UnholdSession { SessionId = "s1" }));
        Succeeded(await harness.Session("s1").End(Agent, new EndSession { SessionId = "s1" }));
        var items = await ReadUntilAsync(acme, i => i.Event?.Kind == SessionEventKind.ActiveSessionsChanged && i.Event.Change.Ended);

        var shard = SessionEventShards.Of("s1");
        Assert.All(items, i => Assert.Equal((shard, "s1", AccountId), (i.Shard, i.Event!.Change.SessionId, i.Event.Change.AccountId)));
        Assert.Equal(
            [SessionEventKind.ActiveSessionsChanged, SessionEventKind.Answered, SessionEventKind.Held, SessionEventKind.Held, SessionEventKind.Disconnected, SessionEventKind.ActiveSessionsChanged],
            items.Select(i => i.Event!.Kind).Where(k => k != SessionEventKind.InfoChanged));
        Assert.Equal(SessionEventKind.InfoChanged, items[0].Event!.Kind);
        Assert.Equal(Enumerable.Range(1, items.Count).Select(n => acme.Start[shard] + n), items.Select(i => i.Position));
        var held = JsonSerializer.Deserialize(items.First(i => i.Event!.Kind == SessionEventKind.Held).Event!.Change.Document, SessionJsonContext.Default.SessionInfo)!;
        Assert.Equal(("s1", SessionCallState.Hold), (held.Id, held.CallState));
        Assert.Contains(Agent.UserId!, items[0].Event!.Change.Users);
        Assert.False(other.Items.TryRead(out _));
    }

    [Fact]
    public async Task A_reader_resumes_from_the_shard_exactly_after_its_position_and_is_told_when_the_ring_has_moved_past_it()
    {
        await using var harness = await StartAsync();
        var shard = harness.Grains.GetGrain<ISessionEventShardGrain>(SessionEventShards.Key(AccountId, 0));
        var start = (await shard.GetEvents(0)).Newest;
        for (var i = 0; i < SessionEventShardGrain.RingCapacity + 2; i++)
        {
            await shard.Publish(new SessionChange(AccountId, $"s{i}", [SessionEventKind.InfoChanged], [], [], Ended: false));
        }

        var page = await Eventually.Within(WaitForAsync(shard, start + SessionEventShardGrain.RingCapacity + 2));
        var resumed = await shard.GetEvents(page.Newest - 2);
        var lost = await shard.GetEvents(start);

        Assert.Equal([$"s{SessionEventShardGrain.RingCapacity}", $"s{SessionEventShardGrain.RingCapacity + 1}"], resumed.Events.Select(e => e.Change.SessionId));
        Assert.Equal((true, page.Newest), (lost.Lost, lost.Newest));
        Assert.Equal(SessionEventShardGrain.RingCapacity, (await shard.GetEvents(page.Newest - SessionEventShardGrain.RingCapacity)).Events.Count);
    }

    [Fact]
    public async Task Subscribers_on_both_silos_receive_a_change_of_a_session_that_lives_on_one_of_them()
    {
        await using var harness = await StartAsync(silos: 2);
        var subscriptions = new List<SessionEventSubscription>();
        foreach (var silo in harness.Cluster.Cluster.Silos)
        {
            subscriptions.Add(await silo.ServiceProvider.GetRequiredService<SessionEventBroadcaster>().SubscribeAsync(AccountId, default));
        }

        try
        {
            await harness.ConnectedCallAsync("s1");

            foreach (var subscription in subscriptions)
            {
                var items = await ReadUntilAsync(subscription, i => i.Event?.Kind == SessionEventKind.Answered);
                Assert.Equal(SessionEventKind.InfoChanged, items[0].Event!.Kind);
            }
        }
        finally
        {
            subscriptions.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public async Task Events_a_shard_sent_nobody_while_it_had_forgotten_the_node_come_when_the_node_follows_again()
    {
        await using var harness = await StartAsync();
        var broadcaster = harness.Cluster.SiloService<SessionEventBroadcaster>();
        using var subscription = await broadcaster.SubscribeAsync(AccountId, default);
        var shard = harness.Grains.GetGrain<ISessionEventShardGrain>(SessionEventShards.Key(AccountId, SessionEventShards.Of("s1")));

        // As after the shard moved to another silo: its new activation knows no followers.
        await shard.Unfollow(broadcaster.Observer!);
        await shard.Publish(new SessionChange(AccountId, "s1", [SessionEventKind.InfoChanged], [], [], Ended: false));
        await shard.GetEvents(0);
        var pushed = subscription.Items.TryRead(out _);

        await broadcaster.RenewAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var caughtUp = await subscription.Items.ReadAsync(timeout.Token);

        Assert.False(pushed);
        Assert.Equal(("s1", subscription.Start[caughtUp.Shard] + 1), (caughtUp.Event!.Change.SessionId, caughtUp.Position));
    }

    [Fact]
    public async Task An_event_that_does_not_follow_the_last_one_handed_on_makes_the_node_read_the_ring_and_report_what_it_no_longer_holds()
    {
        await using var harness = await StartAsync();
        var broadcaster = harness.Cluster.SiloService<SessionEventBroadcaster>();
        using var subscription = await broadcaster.SubscribeAsync(AccountId, default);
        var shard = harness.Grains.GetGrain<ISessionEventShardGrain>(SessionEventShards.Key(AccountId, 0));
        var change = new SessionChange(AccountId, "s1", [SessionEventKind.InfoChanged], [], [], Ended: false);

        // Events the node never hears of, more than the ring keeps; then the shard sends to the node again.
        await shard.Unfollow(broadcaster.Observer!);
        for (var i = 0; i < SessionEventShardGrain.RingCapacity + 1; i++)
        {
            await shard.Publish(change);
        }

        await shard.Follow(broadcaster.Observer!);
        await shard.Publish(change);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var item = await subscription.Items.ReadAsync(timeout.Token);

        Assert.Equal((0, (SessionEvent?)null, subscription.Start[0] + SessionEventShardGrain.RingCapacity + 2), (item.Shard, item.Event, item.Position));
        Assert.False(subscription.Items.TryRead(out _));
    }

    private static async Task<SessionEventPage> WaitForAsync(ISessionEventShardGrain shard, long newest)
    {
        SessionEventPage? page = null;
        await Eventually.Until(async () => (page = await shard.GetEvents(0)).Newest >= newest, "the shard numbered every event");
        return page!;
    }

    private static async Task<List<SessionFeedItem>> ReadUntilAsync(SessionEventSubscription subscription, Func<SessionFeedItem, bool> last)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var items = new List<SessionFeedItem>();
        while (items.Count == 0 || !last(items[^1]))
        {
            items.Add(await subscription.Items.ReadAsync(timeout.Token));
        }

        return items;
    }
}
