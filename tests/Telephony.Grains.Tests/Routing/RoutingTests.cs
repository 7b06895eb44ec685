using Telephony.Catalog;
using Telephony.GrainInterfaces.Routing;
using Telephony.Testing;
using static Telephony.Grains.Tests.Routing.RoutingHarness;

namespace Telephony.Grains.Tests.Routing;

/// <summary>Who gets offered a task, and what happens after a reject or a timeout.</summary>
public sealed class RoutingTests
{
    [Fact]
    public async Task A_task_is_offered_to_the_longest_idle_available_worker_that_has_every_required_skill()
    {
        await using var harness = await StartAsync();
        var offline = await harness.AddWorkerAsync("offline", ["support", "english"], available: false);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var unskilled = await harness.AddWorkerAsync("unskilled", ["english"]);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var longestIdle = await harness.AddWorkerAsync("longest-idle", ["support", "english", "french"]);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var recentlyIdle = await harness.AddWorkerAsync("recently-idle", ["support", "english"]);
        var queue = await harness.AddQueueAsync(["support", "english"]);

        var task = await harness.AddTaskAsync(queue.Sid);

        var reservation = Assert.Single(await harness.ReservationsOfAsync(task.Sid));
        Assert.Equal(longestIdle.Sid, reservation.WorkerSid);
        Assert.Equal(RoutingTaskStatus.Reserved, task.Status);
        Assert.Equal(1, task.Version);
        Assert.Equal(task, reservation.Task);
        Assert.Equal(queue.ReservationTimeout, reservation.Timeout);
        Assert.Empty(await harness.EventsOfAsync(offline.Sid));
        Assert.Empty(await harness.EventsOfAsync(unskilled.Sid));
        Assert.Empty(await harness.EventsOfAsync(recentlyIdle.Sid));
    }

    [Fact]
    public async Task A_rejected_task_goes_to_the_next_longest_idle_worker_and_never_back_to_one_that_rejected_it()
    {
        await using var harness = await StartAsync();
        var first = await harness.AddWorkerAsync("first", ["support"]);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var second = await harness.AddWorkerAsync("second", ["support"]);
        var queue = await harness.AddQueueAsync(["support"]);
        var task = await harness.AddTaskAsync(queue.Sid);

        var toFirst = Assert.Single(await harness.ReservationsOfAsync(task.Sid));
        Succeeded(await harness.ReservationGrain(toFirst.Sid).Reject(new ReservationInstruction()));
        var toSecond = (await harness.WaitForReservationsAsync(task.Sid, 2))[1];
        Succeeded(await harness.ReservationGrain(toSecond.Sid).Reject(new ReservationInstruction()));
        await Eventually.Until(async () => (await harness.GetTaskAsync(task.Sid)).Status == RoutingTaskStatus.Pending, "the task is pending again");
        var laterTask = await harness.AddTaskAsync(queue.Sid);

        Assert.Equal(first.Sid, toFirst.WorkerSid);
        Assert.Equal((second.Sid, ReservationStatus.Pending), (toSecond.WorkerSid, toSecond.Status));
        Assert.Equal(2, (await harness.ReservationsOfAsync(task.Sid)).Count);
        Assert.Equal(RoutingTaskStatus.Reserved, laterTask.Status);
        Assert.Equal(first.Sid, Assert.Single(await harness.ReservationsOfAsync(laterTask.Sid)).WorkerSid);
    }

    [Fact]
    public async Task An_unanswered_offer_times_out_through_its_reminder_and_the_task_goes_to_the_next_worker()
    {
        await using var harness = await StartAsync();
        var first = await harness.AddWorkerAsync("first", ["support"]);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var second = await harness.AddWorkerAsync("second", ["support"]);
        var queue = await harness.AddQueueAsync(["support"], reservationTimeout: 30);
        var task = await harness.AddTaskAsync(queue.Sid);
        var offered = Assert.Single(await harness.ReservationsOfAsync(task.Sid));

        harness.Time.Advance(TimeSpan.FromSeconds(29));
        var beforeTimeout = await harness.GetReservationAsync(offered.Sid);
        await harness.AdvanceUntilAsync(
            async () => (await harness.GetReservationAsync(offered.Sid)).Status == ReservationStatus.Timeout,
            "the offer timed out");
        var timedOut = await harness.GetReservationAsync(offered.Sid);
        var next = (await harness.WaitForReservationsAsync(task.Sid, 2))[1];

        Assert.Equal(first.Sid, offered.WorkerSid);
        Assert.Equal(ReservationStatus.Pending, beforeTimeout.Status);
        Assert.Equal(1, timedOut.Version);
        Assert.True(timedOut.DateUpdated >= offered.DateCreated + TimeSpan.FromSeconds(30));
        Assert.Equal((second.Sid, ReservationStatus.Pending), (next.WorkerSid, next.Status));
        Assert.Equal(RoutingTaskStatus.Reserved, (await harness.GetTaskAsync(task.Sid)).Status);
        Assert.Equal(
            [WorkerEventType.ReservationCreated, WorkerEventType.ReservationTimeout],
            (await harness.EventsOfAsync(first.Sid)).Select(e => e.EventType));
    }

    [Fact]
    public async Task A_worker_with_a_pending_or_accepted_reservation_is_not_offered_another_task()
    {
        await using var harness = await StartAsync();
        var worker = await harness.AddWorkerAsync("only", ["support"]);
        var queue = await harness.AddQueueAsync(["support"]);
        var first = await harness.AddTaskAsync(queue.Sid);
        var second = await harness.AddTaskAsync(queue.Sid);
        var secondWhileFirstPending = second.Status;

        var firstReservation = Assert.Single(await harness.ReservationsOfAsync(first.Sid));
        Succeeded(await harness.ReservationGrain(firstReservation.Sid).Accept(new ReservationInstruction()));
        var third = await harness.AddTaskAsync(queue.Sid);
        var secondWhileFirstAccepted = (await harness.GetTaskAsync(second.Sid)).Status;
        Succeeded(await harness.ReservationGrain(firstReservation.Sid).Complete(new ReservationInstruction()));
        var secondReservation = Assert.Single(await harness.WaitForReservationsAsync(second.Sid, 1));

        Assert.Equal(RoutingTaskStatus.Pending, secondWhileFirstPending);
        Assert.Equal(RoutingTaskStatus.Pending, third.Status);
        Assert.Equal(RoutingTaskStatus.Pending, secondWhileFirstAccepted);
        Assert.Equal(worker.Sid, secondReservation.WorkerSid);
        Assert.Empty(await harness.ReservationsOfAsync(third.Sid));
    }

    [Fact]
    public async Task Waiting_tasks_go_highest_priority_first_to_a_worker_that_becomes_available()
    {
        await using var harness = await StartAsync();
        var worker = await harness.AddWorkerAsync("late", ["support"], available: false);
        var queue = await harness.AddQueueAsync(["support"]);
        var older = await harness.AddTaskAsync(queue.Sid, priority: 1);
        harness.Time.Advance(TimeSpan.FromSeconds(5));
        var urgent = await harness.AddTaskAsync(queue.Sid, priority: 10);

        var waitingBefore = Succeeded(await harness.Workspace.GetWaitingTasks());
        var available = await harness.SetAvailableAsync(worker.Sid, true);
        var offered = Assert.Single(await harness.WaitForReservationsAsync(urgent.Sid, 1));

        Assert.Equal([urgent.Sid, older.Sid], waitingBefore.Select(w => w.TaskSid));
        Assert.Equal(RoutingTaskStatus.Pending, older.Status);
        Assert.Equal(RoutingTaskStatus.Pending, urgent.Status);
        Assert.Equal((true, harness.Time.GetUtcNow(), 1L), (available.Available, available.IdleSince, available.Version));
        Assert.Equal(worker.Sid, offered.WorkerSid);
        Assert.Empty(await harness.ReservationsOfAsync(older.Sid));
    }

    [Fact]
    public async Task Raising_a_waiting_tasks_priority_moves_it_ahead()
    {
        await using var harness = await StartAsync();
        var worker = await harness.AddWorkerAsync("late", ["support"], available: false);
        var queue = await harness.AddQueueAsync(["support"]);
        var first = await harness.AddTaskAsync(queue.Sid);
        var second = await harness.AddTaskAsync(queue.Sid);

        var raised = Succeeded(await harness.TaskGrain(second.Sid).Update(new UpdateTaskRequest(Priority: 5, ExpectedVersion: 0)));
        await Eventually.Until(
            async () => Succeeded(await harness.Workspace.GetWaitingTasks())[0].TaskSid == second.Sid,
            "the raised task leads the waiting list");
        await harness.SetAvailableAsync(worker.Sid, true);
        var offered = Assert.Single(await harness.WaitForReservationsAsync(second.Sid, 1));

        Assert.Equal((5, 1L), (raised.Priority, raised.Version));
        Assert.Equal(worker.Sid, offered.WorkerSid);
        Assert.Empty(await harness.ReservationsOfAsync(first.Sid));
    }

    [Fact]
    public async Task Relaxing_a_queues_required_skills_routes_its_waiting_tasks_under_the_new_settings()
    {
        await using var harness = await StartAsync();
        var worker = await harness.AddWorkerAsync("generalist", ["english"]);
        var queue = await harness.AddQueueAsync(["english", "french"]);
        var task = await harness.AddTaskAsync(queue.Sid);

        var stale = await harness.Grains.GetGrain<ITaskQueueGrain>(RoutingSids.ScopedKey(harness.WorkspaceSid, queue.Sid))
            .Update(new UpdateTaskQueueRequest(RequiredSkills: ["english"], ExpectedVersion: 4));
        var relaxed = Succeeded(await harness.Grains.GetGrain<ITaskQueueGrain>(RoutingSids.ScopedKey(harness.WorkspaceSid, queue.Sid))
            .Update(new UpdateTaskQueueRequest(RequiredSkills: ["english"], ExpectedVersion: 0)));
        var offered = Assert.Single(await harness.WaitForReservationsAsync(task.Sid, 1));

        Assert.Equal(RoutingTaskStatus.Pending, task.Status);
        Assert.Equal(RoutingOutcome.StaleVersion, stale.Outcome);
        Assert.Equal(["english"], relaxed.RequiredSkills);
        Assert.Equal(1, relaxed.Version);
        Assert.Equal(worker.Sid, offered.WorkerSid);
    }

    [Fact]
    public async Task Teaching_a_worker_a_skill_routes_waiting_tasks_to_it_and_stale_updates_change_nothing()
    {
        await using var harness = await StartAsync();
        var worker = await harness.AddWorkerAsync("learner", ["english"]);
        var queue = await harness.AddQueueAsync(["french"]);
        var task = await harness.AddTaskAsync(queue.Sid);
        var grain = harness.WorkerGrain(worker.Sid);

        var stale = await grain.Update(new UpdateWorkerRequest(Attributes: """{"skills":["french"]}""", ExpectedVersion: 7));
        var unchanged = Succeeded(await grain.Get());
        var taught = Succeeded(await grain.Update(new UpdateWorkerRequest(Attributes: """{"skills":["english","french"]}""", ExpectedVersion: 0)));
        var offered = Assert.Single(await harness.WaitForReservationsAsync(task.Sid, 1));

        Assert.Equal(RoutingOutcome.StaleVersion, stale.Outcome);
        Assert.Equal(worker, unchanged);
        Assert.Equal((1L, worker.IdleSince), (taught.Version, taught.IdleSince));
        Assert.Equal(worker.Sid, offered.WorkerSid);
    }

    [Fact]
    public async Task Malformed_requests_are_invalid_and_create_nothing()
    {
        await using var harness = await StartAsync();

        var notJson = await harness.Workspace.CreateWorker(new CreateWorkerRequest("bad", "{skills"));
        var skillsNotArray = await harness.Workspace.CreateWorker(new CreateWorkerRequest("bad", """{"skills":"support"}"""));
        var unknownQueue = await harness.Workspace.CreateTask(new CreateTaskRequest(RoutingSids.New(RoutingSids.TaskQueuePrefix)));
        var zeroTimeout = await harness.Workspace.CreateTaskQueue(new CreateTaskQueueRequest("q", ReservationTimeout: 0));
        var tooManyOffers = await harness.Workspace.CreateTaskQueue(new CreateTaskQueueRequest("q", MaxReservedWorkers: 51));

        Assert.All(
            [notJson.Outcome, skillsNotArray.Outcome, unknownQueue.Outcome, zeroTimeout.Outcome, tooManyOffers.Outcome],
            outcome => Assert.Equal(RoutingOutcome.Invalid, outcome));
        Assert.Empty((await harness.Cluster.SiloService<IRoutingCatalog>().FindAsync(RoutingKind.Worker, harness.WorkspaceSid, new RoutingFilter(), new PageRequest(10), default)).Items);
        Assert.Empty(Succeeded(await harness.Workspace.GetTaskQueueSids()));
        Assert.Empty(Succeeded(await harness.Workspace.GetWaitingTasks()));
    }

    [Fact]
    public async Task A_pending_offer_still_times_out_after_the_cluster_restarts_on_the_same_sqlite_store()
    {
        using var store = new TemporarySqliteFile();
        var time = new ManualTimeProvider();
        string workspaceSid, taskSid, first, second;
        Reservation offered;
        await using (var before = await StartAsync(time, store))
        {
            first = (await before.AddWorkerAsync("first", ["support"])).Sid;
            before.Time.Advance(TimeSpan.FromMinutes(1));
            second = (await before.AddWorkerAsync("second", ["support"])).Sid;
            var queue = await before.AddQueueAsync(["support"], reservationTimeout: 60);
            taskSid = (await before.AddTaskAsync(queue.Sid)).Sid;
            offered = Assert.Single(await before.ReservationsOfAsync(taskSid));
            workspaceSid = before.WorkspaceSid;
        }

        time.Advance(TimeSpan.FromSeconds(30));
        await using var after = await StartAsync(time, store, workspaceSid);
        var pendingAfterRestart = await after.GetReservationAsync(offered.Sid);
        await after.AdvanceUntilAsync(
            async () => (await after.GetReservationAsync(offered.Sid)).Status == ReservationStatus.Timeout,
            "the offer made before the restart timed out");
        var next = (await after.WaitForReservationsAsync(taskSid, 2))[1];

        Assert.Equal(first, offered.WorkerSid);
        Assert.Equal(ReservationStatus.Pending, pendingAfterRestart.Status);
        Assert.Equal(1, (await after.GetReservationAsync(offered.Sid)).Version);
        Assert.Equal((second, ReservationStatus.Pending), (next.WorkerSid, next.Status));
        Assert.Equal(
            [WorkerEventType.ReservationCreated, WorkerEventType.ReservationTimeout],
            (await after.EventsOfAsync(first)).Select(e => e.EventType));
    }
}
