using Telephony.GrainInterfaces.Calls;
using Telephony.GrainInterfaces.Routing;
using Telephony.GrainInterfaces.Sessions;
using Telephony.Grains.Tests.Routing;
using Telephony.Grains.Tests.Sessions;
using Telephony.Testing;

namespace Telephony.Grains.Tests;

/// <summary>
/// The call paths that come back to a grain that is waiting (docs/architecture.md lists them), each run with grain
/// calls bounded to 10 s (a third of Orleans' default): Orleans has no deadlock detection, so a cycle introduced by a
/// change fails here with a timeout instead of hanging for the default 30 s, while a busy machine still has room.
/// </summary>
public sealed class CallCycleTests
{
    private static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_callback_for_a_session_busy_with_a_provider_command_neither_waits_forever_nor_is_lost()
    {
        var twilio = new FakeTwilioApi();
        await using var harness = await SessionHarness.StartAsync(twilio: twilio, responseTimeout: ResponseTimeout);
        var callSid = (await harness.ConnectedCallAsync("s1")).CallSid!;
        twilio.HoldBack = "/Participants/";

        var hold = harness.Session("s1").Hold(SessionHarness.Agent, new HoldSession { SessionId = "s1" });
        await twilio.HeldBackArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var muted = harness.CallbackAsync(callSid, CallEventType.Mute, "muted");
        twilio.Release();
        var held = SessionHarness.Succeeded(await hold);
        await muted;
        var session = await harness.GetAsync("s1");

        Assert.Equal(SessionCallState.Hold, held.CallState);
        Assert.True(session.Members[0].Muted);
        Assert.Equal(SessionMemberCallState.Hold, session.Members[0].CallState);
    }

    [Fact]
    public async Task Callbacks_of_a_leg_the_session_is_still_dialing_land_before_it_attaches_the_leg_and_reach_it_after()
    {
        var twilio = new FakeTwilioApi { HoldBack = "/Participants.json" };
        await using var harness = await SessionHarness.StartAsync(twilio: twilio, responseTimeout: ResponseTimeout);
        const string NewLeg = "CA00000000000000000000000000000001";

        var start = harness.Session("s1").Start(SessionHarness.Agent, new NewSession { Channel = FlowChannels.Voice, Destination = SessionHarness.Customer });
        await twilio.HeldBackArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await harness.CallbackAsync(NewLeg, CallEventType.Ringing, "ringing");
        twilio.Release();
        var started = SessionHarness.Succeeded(await start);
        await harness.CallbackAsync(NewLeg, CallEventType.Answered, "answered");
        var answered = await harness.GetAsync("s1");

        Assert.Equal(NewLeg, started.CallSid);
        Assert.Equal(SessionMemberCallState.Ringing, started.Members[0].CallState);
        Assert.Equal(SessionMemberCallState.Connected, answered.Members[0].CallState);
    }

    [Fact]
    public async Task An_accept_rescinds_its_siblings_while_the_winner_waits_for_its_task()
    {
        await using var harness = await RoutingHarness.StartAsync(responseTimeout: ResponseTimeout);
        await harness.AddWorkerAsync("a", ["support"]);
        await harness.AddWorkerAsync("b", ["support"]);
        var queue = await harness.AddQueueAsync(["support"], maxReservedWorkers: 2);
        var offers = await harness.ReservationsOfAsync((await harness.AddTaskAsync(queue.Sid)).Sid);

        var answers = await Task.WhenAll(offers.Select(o => harness.ReservationGrain(o.Sid).Accept(new ReservationInstruction())));
        var loser = offers[answers[0].IsSuccess ? 1 : 0];
        var rescinded = await harness.WaitForStatusAsync(loser.Sid, ReservationStatus.Rescinded);

        Assert.Single(answers, a => a.IsSuccess);
        Assert.Equal(ReservationStatus.Rescinded, rescinded.Status);
    }

    [Fact]
    public async Task A_reject_sends_the_task_back_through_the_workspace_to_the_next_worker()
    {
        await using var harness = await RoutingHarness.StartAsync(responseTimeout: ResponseTimeout);
        await harness.AddWorkerAsync("first", ["support"]);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var second = await harness.AddWorkerAsync("second", ["support"]);
        var queue = await harness.AddQueueAsync(["support"]);
        var task = await harness.AddTaskAsync(queue.Sid);

        var first = Assert.Single(await harness.ReservationsOfAsync(task.Sid));
        RoutingHarness.Succeeded(await harness.ReservationGrain(first.Sid).Reject(new ReservationInstruction()));
        var next = (await harness.WaitForReservationsAsync(task.Sid, 2))[1];

        Assert.Equal(second.Sid, next.WorkerSid);
    }

    [Fact]
    public async Task A_timeout_sends_the_task_back_through_the_workspace_to_the_next_worker()
    {
        await using var harness = await RoutingHarness.StartAsync(responseTimeout: ResponseTimeout);
        await harness.AddWorkerAsync("first", ["support"]);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var second = await harness.AddWorkerAsync("second", ["support"]);
        var queue = await harness.AddQueueAsync(["support"], reservationTimeout: 10);
        var task = await harness.AddTaskAsync(queue.Sid);

        var first = Assert.Single(await harness.ReservationsOfAsync(task.Sid));
        await harness.AdvanceUntilAsync(async () => (await harness.GetReservationAsync(first.Sid)).Status == ReservationStatus.Timeout, "the offer timed out");
        var next = (await harness.WaitForReservationsAsync(task.Sid, 2))[1];

        Assert.Equal(second.Sid, next.WorkerSid);
    }

    [Fact]
    public async Task A_cancel_reaches_the_pending_reservations_and_frees_their_workers_for_the_next_task()
    {
        await using var harness = await RoutingHarness.StartAsync(responseTimeout: ResponseTimeout);
        var worker = await harness.AddWorkerAsync("a", ["support"]);
        var queue = await harness.AddQueueAsync(["support"]);
        var task = await harness.AddTaskAsync(queue.Sid);
        var offer = Assert.Single(await harness.ReservationsOfAsync(task.Sid));

        RoutingHarness.Succeeded(await harness.TaskGrain(task.Sid).Cancel(TaskCancelReasons.CallerHungUp));
        await harness.WaitForStatusAsync(offer.Sid, ReservationStatus.Canceled);
        var next = await harness.AddTaskAsync(queue.Sid);

        Assert.Equal(worker.Sid, Assert.Single(await harness.ReservationsOfAsync(next.Sid)).WorkerSid);
    }

    [Fact]
    public async Task A_queue_change_routes_its_waiting_tasks_through_the_workspace_which_reads_the_queue()
    {
        await using var harness = await RoutingHarness.StartAsync(responseTimeout: ResponseTimeout);
        var worker = await harness.AddWorkerAsync("generalist", ["english"]);
        var queue = await harness.AddQueueAsync(["english", "french"]);
        var task = await harness.AddTaskAsync(queue.Sid);

        RoutingHarness.Succeeded(await harness.Grains.GetGrain<ITaskQueueGrain>(RoutingSids.ScopedKey(harness.WorkspaceSid, queue.Sid))
            .Update(new UpdateTaskQueueRequest(RequiredSkills: ["english"])));

        Assert.Equal(worker.Sid, Assert.Single(await harness.WaitForReservationsAsync(task.Sid, 1)).WorkerSid);
    }

    [Fact]
    public async Task A_worker_becoming_available_is_routed_by_the_workspace_which_offers_it_a_task()
    {
        await using var harness = await RoutingHarness.StartAsync(responseTimeout: ResponseTimeout);
        var worker = await harness.AddWorkerAsync("late", ["support"], available: false);
        var queue = await harness.AddQueueAsync(["support"]);
        var task = await harness.AddTaskAsync(queue.Sid);

        await harness.SetAvailableAsync(worker.Sid, true);

        Assert.Equal(worker.Sid, Assert.Single(await harness.WaitForReservationsAsync(task.Sid, 1)).WorkerSid);
    }
}
