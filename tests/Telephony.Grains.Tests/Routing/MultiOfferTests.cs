using Telephony.Testing;
using Telephony.GrainInterfaces.Routing;
using static Telephony.Grains.Tests.Routing.RoutingHarness;

namespace Telephony.Grains.Tests.Routing;

/// <summary>Races: several workers accepting one task, many clients accepting one reservation.</summary>
public sealed class MultiOfferTests
{
    private const int Workers = 5;
    private const int Rounds = 50;

    [Fact]
    public async Task When_five_offered_workers_accept_at_once_exactly_one_wins_and_the_others_are_rescinded_every_time()
    {
        await using var harness = await StartAsync();
        var workers = new List<Worker>();
        for (var i = 0; i < Workers; i++)
        {
            workers.Add(await harness.AddWorkerAsync($"agent-{i}", ["support"]));
        }

        var queue = await harness.AddQueueAsync(["support"], maxReservedWorkers: Workers);
        var workerSids = workers.Select(w => w.Sid).ToHashSet();
        for (var round = 0; round < Rounds; round++)
        {
            await Eventually.Until(
                async () => (await Task.WhenAll(workers.Select(w => harness.WorkerGrain(w.Sid).GetRoutingState()))).All(s => !s!.HasOpenReservation),
                "every worker is free");
            var task = await harness.AddTaskAsync(queue.Sid);
            var offers = await harness.ReservationsOfAsync(task.Sid);
            Assert.Equal(workerSids, offers.Select(r => r.WorkerSid).ToHashSet());

            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var accepts = offers.Select(r => Task.Run(async () =>
            {
                await start.Task;
                return await harness.ReservationGrain(r.Sid).Accept(new ReservationInstruction(ExpectedVersion: 0));
            })).ToArray();
            start.SetResult();
            var results = await Task.WhenAll(accepts);

            var winner = Assert.Single(results, r => r.IsSuccess).Value!;
            var losers = results.Where(r => !r.IsSuccess).ToList();
            Assert.Equal(Workers - 1, losers.Count);
            Assert.All(losers, r =>
            {
                // A loser is refused as rescinded either by the task's ruling or, if the rescind reached it first, by its version.
                Assert.Contains(r.Outcome, new[] { RoutingOutcome.IllegalTransition, RoutingOutcome.StaleVersion });
                Assert.Equal((ReservationStatus.Rescinded, 1L), (r.Value!.Status, r.Value.Version));
            });
            var assigned = await harness.GetTaskAsync(task.Sid);
            Assert.Equal((RoutingTaskStatus.Assigned, winner.WorkerSid), (assigned.Status, assigned.AssignedWorkerSid));
            var final = await harness.ReservationsOfAsync(task.Sid);
            Assert.Equal(winner.Sid, Assert.Single(final, r => r.Status == ReservationStatus.Accepted).Sid);
            Assert.All(final.Where(r => r.Sid != winner.Sid), r => Assert.Equal((ReservationStatus.Rescinded, 1L), (r.Status, r.Version)));
            var acceptedEvents = 0;
            foreach (var worker in workers)
            {
                acceptedEvents += (await harness.EventsOfAsync(worker.Sid))
                    .Count(e => e.EventType == WorkerEventType.ReservationAccepted && e.Reservation.Task.Sid == task.Sid);
            }

            Assert.Equal(1, acceptedEvents);
            Succeeded(await harness.ReservationGrain(winner.Sid).Complete(new ReservationInstruction(ExpectedVersion: 1)));
        }
    }

    [Fact]
    public async Task Of_two_hundred_concurrent_accepts_of_one_reservation_exactly_one_succeeds_and_the_version_moves_once()
    {
        const int Accepts = 200;
        await using var harness = await StartAsync();
        var worker = await harness.AddWorkerAsync("agent", ["support"]);
        var queue = await harness.AddQueueAsync(["support"]);
        var task = await harness.AddTaskAsync(queue.Sid);
        var offered = Assert.Single(await harness.ReservationsOfAsync(task.Sid));

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var accepts = Enumerable.Range(0, Accepts).Select(i => Task.Run(async () =>
        {
            await start.Task;
            // Half the clients send If-Match with the version they saw, half send none.
            return await harness.ReservationGrain(offered.Sid).Accept(new ReservationInstruction(i % 2 == 0 ? 0 : null));
        })).ToArray();
        start.SetResult();
        var results = await Task.WhenAll(accepts);

        var winner = Assert.Single(results, r => r.IsSuccess).Value!;
        Assert.All(
            results.Where(r => !r.IsSuccess),
            r => Assert.Contains(r.Outcome, new[] { RoutingOutcome.IllegalTransition, RoutingOutcome.StaleVersion }));
        var final = await harness.GetReservationAsync(offered.Sid);
        Assert.Equal((ReservationStatus.Accepted, 1L), (final.Status, final.Version));
        Assert.Equal(final, winner);
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal(final, r.Value));
        var assigned = await harness.GetTaskAsync(task.Sid);
        Assert.Equal((RoutingTaskStatus.Assigned, worker.Sid, 2L), (assigned.Status, assigned.AssignedWorkerSid, assigned.Version));
        Assert.Equal(
            [WorkerEventType.ReservationCreated, WorkerEventType.ReservationAccepted],
            (await harness.EventsOfAsync(worker.Sid)).Select(e => e.EventType));
    }
}
