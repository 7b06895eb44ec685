using Telephony.GrainInterfaces.Routing;
using Telephony.Testing;
using static Telephony.Grains.Tests.Routing.RoutingHarness;

namespace Telephony.Grains.Tests.Routing;

/// <summary>
/// The router's worker index stays in step with the workers: a change a worker's caller has seen is known
/// to the router before any routing the caller triggers next. No waiting in these tests: a call to the
/// workspace queues behind every report already sent to it, so it is a barrier.
/// </summary>
public sealed class RoutingIndexTests
{
    private const int Rounds = 30;

    [Fact]
    public async Task A_worker_freed_by_an_answered_reject_or_complete_is_offered_a_task_created_right_after()
    {
        await using var harness = await StartAsync();
        var worker = await harness.AddWorkerAsync("agent", ["support"]);
        var queue = await harness.AddQueueAsync(["support"]);

        for (var round = 0; round < Rounds; round++)
        {
            var task = await harness.AddTaskAsync(queue.Sid);
            var offer = Assert.Single(await harness.ReservationsOfAsync(task.Sid));
            Assert.Equal((RoutingTaskStatus.Reserved, worker.Sid), (task.Status, offer.WorkerSid));
            if (round % 2 == 0)
            {
                Succeeded(await harness.ReservationGrain(offer.Sid).Accept(new ReservationInstruction()));
                Succeeded(await harness.ReservationGrain(offer.Sid).Complete(new ReservationInstruction()));
            }
            else
            {
                // The task goes back to waiting, never again for this worker; the next new task still gets it.
                Succeeded(await harness.ReservationGrain(offer.Sid).Reject(new ReservationInstruction()));
            }
        }
    }

    [Fact]
    public async Task A_multi_offer_task_created_right_after_its_workers_were_answered_reaches_every_one_of_them()
    {
        const int Workers = 5;
        await using var harness = await StartAsync();
        var workers = new List<Worker>();
        for (var i = 0; i < Workers; i++)
        {
            workers.Add(await harness.AddWorkerAsync($"agent-{i}", ["support"]));
        }

        var queue = await harness.AddQueueAsync(["support"], maxReservedWorkers: Workers);
        for (var round = 0; round < Rounds; round++)
        {
            var task = await harness.AddTaskAsync(queue.Sid);
            var offers = await harness.ReservationsOfAsync(task.Sid);
            Assert.Equal(workers.Select(w => w.Sid).Order(), offers.Select(r => r.WorkerSid).Order());

            // Every worker is freed by a call this test waits for: four rejects, one accept and complete.
            var winner = offers[round % Workers];
            foreach (var loser in offers.Where(r => r.Sid != winner.Sid))
            {
                Succeeded(await harness.ReservationGrain(loser.Sid).Reject(new ReservationInstruction()));
            }

            Succeeded(await harness.ReservationGrain(winner.Sid).Accept(new ReservationInstruction()));
            Succeeded(await harness.ReservationGrain(winner.Sid).Complete(new ReservationInstruction()));
        }
    }

    [Theory]
    [InlineData(ReservationStatus.Completed)]
    [InlineData(ReservationStatus.Rejected)]
    [InlineData(ReservationStatus.Timeout)]
    [InlineData(ReservationStatus.Canceled)]
    [InlineData(ReservationStatus.Rescinded)]
    public async Task A_worker_whose_reservation_ends_is_offered_the_next_task(ReservationStatus end)
    {
        await using var harness = await StartAsync();
        var worker = await harness.AddWorkerAsync("agent", ["support"]);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var colleague = await harness.AddWorkerAsync("colleague", ["support"]);
        var queue = await harness.AddQueueAsync(["support"], reservationTimeout: 30, maxReservedWorkers: end == ReservationStatus.Rescinded ? 2 : 1);
        var holdQueue = await harness.AddQueueAsync(["support"], reservationTimeout: 3600);
        var first = await harness.AddTaskAsync(queue.Sid);
        var offers = await harness.ReservationsOfAsync(first.Sid);
        var offer = offers.Single(r => r.WorkerSid == worker.Sid);
        if (end == ReservationStatus.Rescinded)
        {
            var theirs = offers.Single(r => r.WorkerSid == colleague.Sid);
            Succeeded(await harness.ReservationGrain(theirs.Sid).Accept(new ReservationInstruction()));
        }
        else
        {
            // Keeps the colleague busy, so the next task can only go to the worker once it is free.
            Assert.Equal(RoutingTaskStatus.Reserved, (await harness.AddTaskAsync(holdQueue.Sid)).Status);
        }

        await EndAsync(harness, offer, end);
        var next = await harness.AddTaskAsync(queue.Sid);

        Assert.Equal(end, (await harness.GetReservationAsync(offer.Sid)).Status);
        Assert.Equal(RoutingTaskStatus.Reserved, next.Status);
        Assert.Equal(worker.Sid, Assert.Single(await harness.ReservationsOfAsync(next.Sid)).WorkerSid);
    }

    [Fact]
    public async Task Availability_flips_racing_with_task_creation_leave_no_task_waiting_while_a_worker_is_free()
    {
        const int Workers = 8;
        const int Tasks = 40;
        const int Flips = 60;
        await using var harness = await StartAsync();
        var workers = new List<Worker>();
        for (var i = 0; i < Workers; i++)
        {
            workers.Add(await harness.AddWorkerAsync($"agent-{i}", ["support"], available: i % 2 == 0));
        }

        var queue = await harness.AddQueueAsync(["support"]);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var creator = Task.Run(async () =>
        {
            await start.Task;
            for (var i = 0; i < Tasks; i++)
            {
                await harness.AddTaskAsync(queue.Sid);
            }
        });
        var flippers = workers.Select((w, i) => Task.Run(async () =>
        {
            await start.Task;
            for (var flip = 0; flip < Flips / Workers; flip++)
            {
                await harness.SetAvailableAsync(w.Sid, flip % 2 != i % 2);
            }

            await harness.SetAvailableAsync(w.Sid, true);
        })).ToArray();
        start.SetResult();
        await Task.WhenAll([creator, .. flippers]);

        var waitingAfterRace = Succeeded(await harness.Workspace.GetWaitingTasks());
        var busyAfterRace = await CountBusyAsync(harness, workers);

        // Every worker ends available and there are more tasks than workers: each must hold one.
        Assert.Equal(Workers, busyAfterRace);
        Assert.Equal(Tasks - Workers, waitingAfterRace.Count);

        // Freeing them all by answered rejects hands each the next waiting task at once.
        foreach (var worker in workers)
        {
            var open = (await harness.EventsOfAsync(worker.Sid)).Last(e => e.EventType == WorkerEventType.ReservationCreated).Reservation;
            Succeeded(await harness.ReservationGrain(open.Sid).Reject(new ReservationInstruction()));
        }

        var waitingAfterRejects = Succeeded(await harness.Workspace.GetWaitingTasks());
        Assert.Equal(Workers, await CountBusyAsync(harness, workers));
        Assert.Equal(Tasks - Workers, waitingAfterRejects.Count);
    }

    [Fact]
    public async Task A_restarted_workspace_reads_its_index_from_the_workers_and_routes_as_before()
    {
        var time = new ManualTimeProvider();
        using var store = new TemporarySqliteFile();
        string workspaceSid, queueSid, busySid, busyOfferSid;
        string[] freeSids;
        await using (var before = await StartAsync(time, store))
        {
            var longestIdle = await before.AddWorkerAsync("longest-idle", ["support"]);
            time.Advance(TimeSpan.FromMinutes(1));
            var busy = await before.AddWorkerAsync("busy", ["support"]);
            time.Advance(TimeSpan.FromMinutes(1));
            await before.AddWorkerAsync("offline", ["support"], available: false);
            await before.AddWorkerAsync("unskilled", ["sales"]);
            time.Advance(TimeSpan.FromMinutes(1));
            var recentlyIdle = await before.AddWorkerAsync("recently-idle", ["support"]);
            var single = await before.AddQueueAsync(["support"], reservationTimeout: 3600);
            var fanOut = await before.AddQueueAsync(["support"], reservationTimeout: 3600, maxReservedWorkers: 5);

            // Longest-idle steps away for a moment, so the held task goes to "busy".
            await before.SetAvailableAsync(longestIdle.Sid, false);
            var held = await before.AddTaskAsync(single.Sid);
            await before.SetAvailableAsync(longestIdle.Sid, true);
            busyOfferSid = Assert.Single(await before.ReservationsOfAsync(held.Sid)).Sid;
            Assert.Equal(busy.Sid, (await before.GetReservationAsync(busyOfferSid)).WorkerSid);
            (workspaceSid, queueSid, busySid) = (before.WorkspaceSid, fanOut.Sid, busy.Sid);
            freeSids = [longestIdle.Sid, recentlyIdle.Sid];
        }

        await using var after = await StartAsync(time, store, workspaceSid);
        var fannedOut = await after.AddTaskAsync(queueSid);
        var offers = await after.ReservationsOfAsync(fannedOut.Sid);
        Succeeded(await after.ReservationGrain(busyOfferSid).Reject(new ReservationInstruction()));
        var next = await after.AddTaskAsync(queueSid);

        Assert.Equal(freeSids.Order(), offers.Select(r => r.WorkerSid).Order());
        Assert.Equal(busySid, Assert.Single(await after.ReservationsOfAsync(next.Sid)).WorkerSid);
    }

    private static async Task EndAsync(RoutingHarness harness, Reservation offer, ReservationStatus end)
    {
        var grain = harness.ReservationGrain(offer.Sid);
        switch (end)
        {
            case ReservationStatus.Completed:
                Succeeded(await grain.Accept(new ReservationInstruction()));
                Succeeded(await grain.Complete(new ReservationInstruction()));
                break;
            case ReservationStatus.Rejected:
                Succeeded(await grain.Reject(new ReservationInstruction()));
                break;
            case ReservationStatus.Timeout:
                await harness.AdvanceUntilAsync(async () => (await harness.GetReservationAsync(offer.Sid)).Status == end, "the offer timed out");
                break;
            case ReservationStatus.Canceled:
                Succeeded(await harness.TaskGrain(offer.Task.Sid).Cancel(31));
                await harness.WaitForStatusAsync(offer.Sid, end);
                break;
            case ReservationStatus.Rescinded:
                await harness.WaitForStatusAsync(offer.Sid, end);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(end), end, "Not an end of a reservation.");
        }
    }

    private static async Task<int> CountBusyAsync(RoutingHarness harness, IEnumerable<Worker> workers)
    {
        var states = await Task.WhenAll(workers.Select(w => harness.WorkerGrain(w.Sid).GetRoutingState()));
        return states.Count(s => s!.HasOpenReservation);
    }
}
