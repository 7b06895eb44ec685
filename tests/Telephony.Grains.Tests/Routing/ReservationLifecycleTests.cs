using Telephony.Testing;
using Telephony.GrainInterfaces.Routing;
using static Telephony.Grains.Tests.Routing.RoutingHarness;

namespace Telephony.Grains.Tests.Routing;

/// <summary>The reservation state machine: legal transitions, refused illegal ones, versions and expected versions.</summary>
public sealed class ReservationLifecycleTests
{
    public static TheoryData<ReservationStatus, long, RoutingTaskStatus, WorkerEventType[]> LegalTransitions => new()
    {
        { ReservationStatus.Accepted, 1, RoutingTaskStatus.Assigned, [WorkerEventType.ReservationCreated, WorkerEventType.ReservationAccepted] },
        { ReservationStatus.Rejected, 1, RoutingTaskStatus.Reserved, [WorkerEventType.ReservationCreated, WorkerEventType.ReservationRejected] },
        { ReservationStatus.Timeout, 1, RoutingTaskStatus.Pending, [WorkerEventType.ReservationCreated, WorkerEventType.ReservationTimeout] },
        { ReservationStatus.Canceled, 1, RoutingTaskStatus.Canceled, [WorkerEventType.ReservationCreated, WorkerEventType.ReservationCanceled] },
        { ReservationStatus.Rescinded, 1, RoutingTaskStatus.Assigned, [WorkerEventType.ReservationCreated, WorkerEventType.ReservationRescinded] },
        { ReservationStatus.Wrapping, 2, RoutingTaskStatus.Wrapping, [WorkerEventType.ReservationCreated, WorkerEventType.ReservationAccepted, WorkerEventType.ReservationWrapup] },
        { ReservationStatus.Completed, 2, RoutingTaskStatus.Completed, [WorkerEventType.ReservationCreated, WorkerEventType.ReservationAccepted, WorkerEventType.ReservationCompleted] },
    };

    public static TheoryData<ReservationStatus, string> IllegalInstructions
    {
        get
        {
            var data = new TheoryData<ReservationStatus, string>
            {
                { ReservationStatus.Pending, "wrap" },
                { ReservationStatus.Pending, "complete" },
                { ReservationStatus.Accepted, "accept" },
                { ReservationStatus.Accepted, "reject" },
                { ReservationStatus.Wrapping, "accept" },
                { ReservationStatus.Wrapping, "reject" },
                { ReservationStatus.Wrapping, "wrap" },
            };
            ReservationStatus[] terminal = [ReservationStatus.Completed, ReservationStatus.Rejected, ReservationStatus.Timeout, ReservationStatus.Canceled, ReservationStatus.Rescinded];
            foreach (var status in terminal)
            {
                foreach (var instruction in new[] { "accept", "reject", "wrap", "complete" })
                {
                    data.Add(status, instruction);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(LegalTransitions))]
    public async Task Each_legal_transition_changes_the_status_adds_one_to_the_version_per_step_and_is_logged_on_the_worker(
        ReservationStatus target, long expectedVersion, RoutingTaskStatus expectedTaskStatus, WorkerEventType[] expectedEvents)
    {
        await using var scenario = await Scenario.OfferToTwoWorkersAsync();

        var reservation = await scenario.DriveTargetToAsync(target);

        Assert.Equal(target, reservation.Status);
        Assert.Equal(expectedVersion, reservation.Version);
        Assert.Equal(scenario.Harness.Time.GetUtcNow(), reservation.DateUpdated);
        await Eventually.Until(
            async () => (await scenario.Harness.GetTaskAsync(scenario.Task.Sid)).Status == expectedTaskStatus,
            $"the task is {expectedTaskStatus}");
        var events = await scenario.Harness.EventsOfAsync(scenario.Target.WorkerSid);
        Assert.Equal(expectedEvents, events.Select(e => e.EventType));
        Assert.Equal(reservation, events[^1].Reservation);
    }

    [Fact]
    public async Task Accepted_then_wrapping_then_completed_takes_three_versions_and_moves_the_task_along()
    {
        await using var scenario = await Scenario.OfferToTwoWorkersAsync();
        var grain = scenario.TargetGrain;

        var accepted = Succeeded(await grain.Accept(new ReservationInstruction(0)));
        var wrapping = Succeeded(await grain.Wrap(new ReservationInstruction(1)));
        var wrappingTask = await scenario.Harness.GetTaskAsync(scenario.Task.Sid);
        var completed = Succeeded(await grain.Complete(new ReservationInstruction(2)));
        var completedTask = await scenario.Harness.GetTaskAsync(scenario.Task.Sid);

        Assert.Equal((ReservationStatus.Accepted, 1L), (accepted.Status, accepted.Version));
        Assert.Equal((ReservationStatus.Wrapping, 2L), (wrapping.Status, wrapping.Version));
        Assert.Equal((ReservationStatus.Completed, 3L), (completed.Status, completed.Version));
        Assert.Equal(RoutingTaskStatus.Wrapping, wrappingTask.Status);
        Assert.Equal(RoutingTaskStatus.Completed, completedTask.Status);
        Assert.Equal(completedTask, completed.Task);
        Assert.Equal(scenario.Target.WorkerSid, completedTask.AssignedWorkerSid);
        Assert.Equal(
            [WorkerEventType.ReservationCreated, WorkerEventType.ReservationAccepted, WorkerEventType.ReservationWrapup, WorkerEventType.ReservationCompleted],
            (await scenario.Harness.EventsOfAsync(scenario.Target.WorkerSid)).Select(e => e.EventType));
    }

    [Theory]
    [MemberData(nameof(IllegalInstructions))]
    public async Task An_illegal_instruction_is_refused_and_changes_nothing(ReservationStatus from, string instruction)
    {
        await using var scenario = await Scenario.OfferToTwoWorkersAsync();
        var before = await scenario.DriveTargetToAsync(from);
        var eventsBefore = await scenario.Harness.EventsOfAsync(scenario.Target.WorkerSid);

        var result = await scenario.InstructAsync(instruction, new ReservationInstruction());

        Assert.Equal(RoutingOutcome.IllegalTransition, result.Outcome);
        Assert.Equal(before, result.Value);
        Assert.NotNull(result.Error);
        Assert.Equal(before, await scenario.Harness.GetReservationAsync(scenario.Target.Sid));
        Assert.Equal(eventsBefore, await scenario.Harness.EventsOfAsync(scenario.Target.WorkerSid));
    }

    [Fact]
    public async Task An_instruction_with_a_stale_expected_version_is_refused_and_changes_nothing()
    {
        await using var scenario = await Scenario.OfferToTwoWorkersAsync();
        var grain = scenario.TargetGrain;

        var staleAccept = await grain.Accept(new ReservationInstruction(ExpectedVersion: 3));
        var pending = await scenario.Harness.GetReservationAsync(scenario.Target.Sid);
        var accepted = Succeeded(await grain.Accept(new ReservationInstruction(ExpectedVersion: 0)));
        var staleWrap = await grain.Wrap(new ReservationInstruction(ExpectedVersion: 0));
        var afterStaleWrap = await scenario.Harness.GetReservationAsync(scenario.Target.Sid);

        Assert.Equal(RoutingOutcome.StaleVersion, staleAccept.Outcome);
        Assert.Equal(scenario.Target, staleAccept.Value);
        Assert.Equal(scenario.Target, pending);
        Assert.Equal(1, accepted.Version);
        Assert.Equal(RoutingOutcome.StaleVersion, staleWrap.Outcome);
        Assert.Equal(accepted, afterStaleWrap);
        Assert.Equal(
            [WorkerEventType.ReservationCreated, WorkerEventType.ReservationAccepted],
            (await scenario.Harness.EventsOfAsync(scenario.Target.WorkerSid)).Select(e => e.EventType));
    }

    [Fact]
    public async Task A_stale_version_is_reported_before_an_illegal_transition()
    {
        await using var scenario = await Scenario.OfferToTwoWorkersAsync();

        var result = await scenario.TargetGrain.Complete(new ReservationInstruction(ExpectedVersion: 9));

        Assert.Equal(RoutingOutcome.StaleVersion, result.Outcome);
    }

    [Fact]
    public async Task An_offer_the_worker_declines_leaves_no_reservation_and_no_event()
    {
        await using var scenario = await Scenario.OfferToTwoWorkersAsync();
        var busy = scenario.Target.WorkerSid;
        var eventsBefore = await scenario.Harness.EventsOfAsync(busy);
        var grain = scenario.Harness.ReservationGrain(RoutingSids.New(RoutingSids.ReservationPrefix));

        var created = await grain.Create(new ReservationOffer(AccountSid, scenario.Harness.WorkspaceSid, busy, scenario.Task, 30));

        Assert.Null(created);
        Assert.Equal(RoutingOutcome.NotFound, (await grain.Get()).Outcome);
        Assert.Equal(eventsBefore, await scenario.Harness.EventsOfAsync(busy));
    }

    [Fact]
    public async Task Instructions_on_an_unknown_reservation_are_not_found()
    {
        await using var harness = await StartAsync();
        var grain = harness.ReservationGrain(RoutingSids.New(RoutingSids.ReservationPrefix));

        Assert.Equal(RoutingOutcome.NotFound, (await grain.Get()).Outcome);
        Assert.Equal(RoutingOutcome.NotFound, (await grain.Accept(new ReservationInstruction())).Outcome);
        Assert.Equal(RoutingOutcome.NotFound, (await grain.Complete(new ReservationInstruction())).Outcome);
    }

    /// <summary>A task offered to two skilled workers at once; the target is the longer-idle worker's reservation.</summary>
    private sealed class Scenario : IAsyncDisposable
    {
        private Scenario(RoutingHarness harness, RoutingTask task, Reservation target, Reservation sibling)
        {
            Harness = harness;
            Task = task;
            Target = target;
            Sibling = sibling;
        }

        public RoutingHarness Harness { get; }

        public RoutingTask Task { get; }

        public Reservation Target { get; }

        public Reservation Sibling { get; }

        public IReservationGrain TargetGrain => Harness.ReservationGrain(Target.Sid);

        public static async Task<Scenario> OfferToTwoWorkersAsync()
        {
            var harness = await StartAsync();
            var alice = await harness.AddWorkerAsync("alice", ["support"]);
            harness.Time.Advance(TimeSpan.FromMinutes(1));
            var bob = await harness.AddWorkerAsync("bob", ["support"]);
            var queue = await harness.AddQueueAsync(["support"], reservationTimeout: 60, maxReservedWorkers: 2);
            var task = await harness.AddTaskAsync(queue.Sid);
            var reservations = await harness.ReservationsOfAsync(task.Sid);
            Assert.Equal(2, reservations.Count);
            Assert.All(reservations, r => Assert.Equal((ReservationStatus.Pending, 0L), (r.Status, r.Version)));
            return new Scenario(harness, task, reservations.Single(r => r.WorkerSid == alice.Sid), reservations.Single(r => r.WorkerSid == bob.Sid));
        }

        public Task<RoutingResult<Reservation>> InstructAsync(string instruction, ReservationInstruction arguments) => instruction switch
        {
            "accept" => TargetGrain.Accept(arguments),
            "reject" => TargetGrain.Reject(arguments),
            "wrap" => TargetGrain.Wrap(arguments),
            "complete" => TargetGrain.Complete(arguments),
            _ => throw new ArgumentOutOfRangeException(nameof(instruction), instruction, null),
        };

        /// <summary>Takes the target reservation to <paramref name="status"/> the way production would.</summary>
        public async Task<Reservation> DriveTargetToAsync(ReservationStatus status)
        {
            var none = new ReservationInstruction();
            switch (status)
            {
                case ReservationStatus.Pending:
                    break;
                case ReservationStatus.Accepted:
                    Succeeded(await TargetGrain.Accept(none));
                    break;
                case ReservationStatus.Wrapping:
                    Succeeded(await TargetGrain.Accept(none));
                    Succeeded(await TargetGrain.Wrap(none));
                    break;
                case ReservationStatus.Completed:
                    Succeeded(await TargetGrain.Accept(none));
                    Succeeded(await TargetGrain.Complete(none));
                    break;
                case ReservationStatus.Rejected:
                    Succeeded(await TargetGrain.Reject(none));
                    break;
                case ReservationStatus.Timeout:
                    Harness.Time.Advance(TimeSpan.FromSeconds(59));
                    await Harness.AdvanceUntilAsync(
                        async () => (await Harness.GetReservationAsync(Target.Sid)).Status == ReservationStatus.Timeout,
                        "the reservation timed out");
                    break;
                case ReservationStatus.Canceled:
                    Succeeded(await Harness.TaskGrain(Task.Sid).Cancel(7));
                    await Harness.WaitForStatusAsync(Target.Sid, ReservationStatus.Canceled);
                    break;
                case ReservationStatus.Rescinded:
                    Succeeded(await Harness.ReservationGrain(Sibling.Sid).Accept(none));
                    await Harness.WaitForStatusAsync(Target.Sid, ReservationStatus.Rescinded);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(status), status, null);
            }

            var reservation = await Harness.GetReservationAsync(Target.Sid);
            Assert.Equal(status, reservation.Status);
            return reservation;
        }

        public ValueTask DisposeAsync() => Harness.DisposeAsync();
    }
}
