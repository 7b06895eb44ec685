using Telephony.GrainInterfaces.Routing;
using static Telephony.Grains.Tests.Routing.RoutingHarness;

namespace Telephony.Grains.Tests.Routing;

/// <summary>Canceling a task when the caller hangs up, and the worker event log and its live feed.</summary>
public sealed class CancelAndEventTests
{
    private const int CallerHungUp = 31;

    [Fact]
    public async Task Canceling_a_reserved_task_cancels_every_pending_reservation_with_the_reason_code()
    {
        await using var harness = await StartAsync();
        var workers = new[]
        {
            await harness.AddWorkerAsync("a", ["support"]),
            await harness.AddWorkerAsync("b", ["support"]),
            await harness.AddWorkerAsync("c", ["support"]),
        };
        var queue = await harness.AddQueueAsync(["support"], maxReservedWorkers: 3);
        var task = await harness.AddTaskAsync(queue.Sid);
        var offers = await harness.ReservationsOfAsync(task.Sid);

        var canceled = Succeeded(await harness.TaskGrain(task.Sid).Cancel(CallerHungUp));
        foreach (var offer in offers)
        {
            await harness.WaitForStatusAsync(offer.Sid, ReservationStatus.Canceled);
        }

        var cancelAgain = await harness.TaskGrain(task.Sid).Cancel(CallerHungUp);
        var acceptAfter = await harness.ReservationGrain(offers[0].Sid).Accept(new ReservationInstruction());

        Assert.Equal(3, offers.Count);
        Assert.Equal((RoutingTaskStatus.Canceled, CallerHungUp, 2L), (canceled.Status, canceled.CanceledReasonCode, canceled.Version));
        foreach (var offer in offers)
        {
            var reservation = await harness.GetReservationAsync(offer.Sid);
            Assert.Equal((ReservationStatus.Canceled, CallerHungUp, 1L), (reservation.Status, reservation.CanceledReasonCode, reservation.Version));
            Assert.Equal(canceled, reservation.Task);
        }

        Assert.Equal(RoutingOutcome.IllegalTransition, cancelAgain.Outcome);
        Assert.Equal(RoutingOutcome.IllegalTransition, acceptAfter.Outcome);
        foreach (var worker in workers)
        {
            var events = await harness.EventsOfAsync(worker.Sid);
            Assert.Equal([WorkerEventType.ReservationCreated, WorkerEventType.ReservationCanceled], events.Select(e => e.EventType));
            Assert.Equal([1L, 2L], events.Select(e => e.Id));
            Assert.Equal(CallerHungUp, events[1].Reservation.CanceledReasonCode);
            Assert.False((await harness.WorkerGrain(worker.Sid).GetRoutingState())!.HasOpenReservation);
        }
    }

    [Fact]
    public async Task A_task_canceled_while_waiting_for_a_worker_is_never_offered()
    {
        await using var harness = await StartAsync();
        var worker = await harness.AddWorkerAsync("late", ["support"], available: false);
        var queue = await harness.AddQueueAsync(["support"]);
        var abandoned = await harness.AddTaskAsync(queue.Sid);
        var next = await harness.AddTaskAsync(queue.Sid);

        var canceled = Succeeded(await harness.TaskGrain(abandoned.Sid).Cancel(CallerHungUp));
        await harness.SetAvailableAsync(worker.Sid, true);
        var offered = Assert.Single(await harness.WaitForReservationsAsync(next.Sid, 1));

        Assert.Equal((RoutingTaskStatus.Canceled, 1L), (canceled.Status, canceled.Version));
        Assert.Equal(worker.Sid, offered.WorkerSid);
        Assert.Empty(await harness.ReservationsOfAsync(abandoned.Sid));
        Assert.Empty(Succeeded(await harness.Workspace.GetWaitingTasks()));
    }

    [Fact]
    public async Task An_assigned_task_cannot_be_canceled()
    {
        await using var harness = await StartAsync();
        await harness.AddWorkerAsync("agent", ["support"]);
        var queue = await harness.AddQueueAsync(["support"]);
        var task = await harness.AddTaskAsync(queue.Sid);
        var offered = Assert.Single(await harness.ReservationsOfAsync(task.Sid));
        var accepted = Succeeded(await harness.ReservationGrain(offered.Sid).Accept(new ReservationInstruction()));

        var cancel = await harness.TaskGrain(task.Sid).Cancel(CallerHungUp);

        Assert.Equal(RoutingOutcome.IllegalTransition, cancel.Outcome);
        Assert.Equal(RoutingTaskStatus.Assigned, cancel.Value!.Status);
        Assert.Equal(accepted, await harness.GetReservationAsync(offered.Sid));
    }

    [Fact]
    public async Task A_workers_events_are_stored_in_order_with_increasing_ids_and_replay_after_a_given_id()
    {
        await using var harness = await StartAsync();
        var worker = await harness.AddWorkerAsync("agent", ["support"]);
        var queue = await harness.AddQueueAsync(["support"]);
        var declined = await harness.AddTaskAsync(queue.Sid);
        var firstOffer = Assert.Single(await harness.ReservationsOfAsync(declined.Sid));
        Succeeded(await harness.ReservationGrain(firstOffer.Sid).Reject(new ReservationInstruction()));
        var handled = await harness.AddTaskAsync(queue.Sid);
        var secondOffer = Assert.Single(await harness.ReservationsOfAsync(handled.Sid));
        var grain = harness.ReservationGrain(secondOffer.Sid);
        Succeeded(await grain.Accept(new ReservationInstruction()));
        Succeeded(await grain.Wrap(new ReservationInstruction()));
        Succeeded(await grain.Complete(new ReservationInstruction()));

        var all = await harness.EventsOfAsync(worker.Sid);
        var afterFour = await harness.EventsOfAsync(worker.Sid, afterId: 4);
        var afterLast = await harness.EventsOfAsync(worker.Sid, afterId: 6);

        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], all.Select(e => e.Id));
        Assert.Equal(
            [
                (WorkerEventType.ReservationCreated, firstOffer.Sid, ReservationStatus.Pending, 0L),
                (WorkerEventType.ReservationRejected, firstOffer.Sid, ReservationStatus.Rejected, 1L),
                (WorkerEventType.ReservationCreated, secondOffer.Sid, ReservationStatus.Pending, 0L),
                (WorkerEventType.ReservationAccepted, secondOffer.Sid, ReservationStatus.Accepted, 1L),
                (WorkerEventType.ReservationWrapup, secondOffer.Sid, ReservationStatus.Wrapping, 2L),
                (WorkerEventType.ReservationCompleted, secondOffer.Sid, ReservationStatus.Completed, 3L),
            ],
            all.Select(e => (e.EventType, e.Reservation.Sid, e.Reservation.Status, e.Reservation.Version)));
        Assert.Equal(all.Skip(4), afterFour);
        Assert.Empty(afterLast);
        Assert.Equal(RoutingOutcome.NotFound, (await harness.WorkerGrain(RoutingSids.New(RoutingSids.WorkerPrefix)).GetEvents(0)).Outcome);
    }

    [Fact]
    public async Task The_broadcaster_delivers_each_stored_event_live_to_the_workers_subscribers()
    {
        await using var harness = await StartAsync();
        var worker = await harness.AddWorkerAsync("agent", ["support"]);
        var other = await harness.AddWorkerAsync("other", ["billing"]);
        var queue = await harness.AddQueueAsync(["support"]);
        using var subscription = await harness.Broadcaster.SubscribeAsync(harness.WorkspaceSid, worker.Sid, default);
        using var otherSubscription = await harness.Broadcaster.SubscribeAsync(harness.WorkspaceSid, other.Sid, default);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var task = await harness.AddTaskAsync(queue.Sid);
        var created = await subscription.Events.ReadAsync(timeout.Token);
        Succeeded(await harness.ReservationGrain(created.Reservation.Sid).Accept(new ReservationInstruction()));
        var accepted = await subscription.Events.ReadAsync(timeout.Token);
        subscription.Dispose();

        Assert.Equal((WorkerEventType.ReservationCreated, task.Sid), (created.EventType, created.Reservation.Task.Sid));
        Assert.Equal((WorkerEventType.ReservationAccepted, ReservationStatus.Accepted), (accepted.EventType, accepted.Reservation.Status));
        Assert.Equal(await harness.EventsOfAsync(worker.Sid), [created, accepted]);
        Assert.False(otherSubscription.Events.TryRead(out _));
        await subscription.Events.Completion.WaitAsync(timeout.Token);
    }
}
