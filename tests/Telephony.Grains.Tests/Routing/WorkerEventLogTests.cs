using Telephony.GrainInterfaces.Routing;
using Telephony.Grains.Routing;
using Telephony.Testing;
using static Telephony.Grains.Tests.Routing.RoutingHarness;

namespace Telephony.Grains.Tests.Routing;

/// <summary>A worker's event log kept in sealed pages: retention, replay after any id, and a restart.</summary>
public sealed class WorkerEventLogTests
{
    [Fact]
    public async Task A_long_log_keeps_at_least_the_newest_events_without_gaps_and_replays_after_any_id_across_a_restart()
    {
        const int Offers = (WorkerGrain.MaxRetainedEvents / 3) + 20;
        const long Logged = Offers * 3;
        var time = new ManualTimeProvider();
        using var store = new TemporarySqliteFile();
        string workspaceSid, workerSid;
        IReadOnlyList<WorkerEvent> keptBefore, tailBefore;
        await using (var before = await StartAsync(time, store))
        {
            workerSid = (await before.AddWorkerAsync("agent", ["support"])).Sid;
            var queue = await before.AddQueueAsync(["support"]);
            for (var i = 0; i < Offers; i++)
            {
                var offer = Assert.Single(await before.ReservationsOfAsync((await before.AddTaskAsync(queue.Sid)).Sid));
                Succeeded(await before.ReservationGrain(offer.Sid).Accept(new ReservationInstruction()));
                Succeeded(await before.ReservationGrain(offer.Sid).Complete(new ReservationInstruction()));
            }

            keptBefore = await before.EventsOfAsync(workerSid);
            tailBefore = await before.EventsOfAsync(workerSid, afterId: Logged - 5);
            workspaceSid = before.WorkspaceSid;
        }

        await using var after = await StartAsync(time, store, workspaceSid);
        var keptAfter = await after.EventsOfAsync(workerSid);
        var fromMiddle = await after.EventsOfAsync(workerSid, afterId: Logged - 100);
        var pastTheEnd = await after.EventsOfAsync(workerSid, afterId: Logged);

        Assert.InRange(keptBefore.Count, WorkerGrain.MaxRetainedEvents, WorkerGrain.MaxRetainedEvents + (2 * WorkerGrain.EventPageSize));
        Assert.Equal(Enumerable.Range((int)(Logged - keptBefore.Count + 1), keptBefore.Count).Select(i => (long)i), keptBefore.Select(e => e.Id));
        Assert.Equal(
            [WorkerEventType.ReservationCreated, WorkerEventType.ReservationAccepted, WorkerEventType.ReservationCompleted],
            keptBefore.TakeLast(3).Select(e => e.EventType));
        Assert.Equal([Logged - 4, Logged - 3, Logged - 2, Logged - 1, Logged], tailBefore.Select(e => e.Id));
        Assert.Equal(keptBefore, keptAfter);
        Assert.Equal(keptBefore.TakeLast(100), fromMiddle);
        Assert.Empty(pastTheEnd);
    }
}
