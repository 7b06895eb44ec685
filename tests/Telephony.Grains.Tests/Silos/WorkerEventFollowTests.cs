using Microsoft.Extensions.DependencyInjection;
using Telephony.GrainInterfaces.Routing;
using Telephony.Grains.Routing;
using static Telephony.Grains.Tests.Routing.RoutingHarness;

namespace Telephony.Grains.Tests.Silos;

/// <summary>Worker events reach a node's streams wherever the worker lives, and what a node missed comes when it follows again.</summary>
public sealed class WorkerEventFollowTests
{
    [Fact]
    public async Task Streams_on_both_silos_receive_an_event_of_a_worker_that_lives_on_one_of_them()
    {
        await using var harness = await StartAsync(silos: 2);
        var worker = await harness.AddWorkerAsync("ann", ["support"]);
        var queue = await harness.AddQueueAsync(["support"]);
        var broadcasters = harness.Cluster.Cluster.Silos.Select(s => s.ServiceProvider.GetRequiredService<WorkerEventBroadcaster>()).ToList();
        var subscriptions = new List<WorkerEventSubscription>();
        foreach (var broadcaster in broadcasters)
        {
            subscriptions.Add(await broadcaster.SubscribeAsync(harness.WorkspaceSid, worker.Sid, default));
        }

        try
        {
            var task = await harness.AddTaskAsync(queue.Sid);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

            // The worker grain lives on one silo: the other silo's stream hears of its event only through the follow.
            foreach (var subscription in subscriptions)
            {
                var received = await subscription.Events.ReadAsync(timeout.Token);
                Assert.Equal((WorkerEventType.ReservationCreated, task.Sid), (received.EventType, received.Reservation.Task.Sid));
            }
        }
        finally
        {
            subscriptions.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public async Task Events_a_worker_stored_while_it_had_forgotten_the_node_come_when_the_node_follows_again()
    {
        await using var harness = await StartAsync();
        var worker = await harness.AddWorkerAsync("ann", ["support"]);
        var queue = await harness.AddQueueAsync(["support"]);
        using var subscription = await harness.Broadcaster.SubscribeAsync(harness.WorkspaceSid, worker.Sid, default);

        // As after the worker moved to another silo: its new activation knows no followers.
        await harness.WorkerGrain(worker.Sid).Unfollow(harness.Broadcaster.Observer!);
        var task = await harness.AddTaskAsync(queue.Sid);
        var offered = Assert.Single(await harness.WaitForReservationsAsync(task.Sid, 1));
        var pushed = subscription.Events.TryRead(out _);

        await harness.Broadcaster.RenewAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var caughtUp = await subscription.Events.ReadAsync(timeout.Token);

        Assert.False(pushed);
        Assert.Equal((WorkerEventType.ReservationCreated, offered.Sid), (caughtUp.EventType, caughtUp.Reservation.Sid));
        Assert.False(subscription.Events.TryRead(out _));
    }
}
