using Telephony.GrainInterfaces.Routing;
using static Telephony.Grains.Tests.Routing.RoutingHarness;

namespace Telephony.Grains.Tests.Routing;

/// <summary>Workers and queues created under sids the caller chose (routing provisioned at start-up): made once, then found.</summary>
public sealed class ChosenSidTests
{
    private static readonly string WorkerSid = RoutingSids.WellKnown(RoutingSids.WorkerPrefix, 1);
    private static readonly string QueueSid = RoutingSids.WellKnown(RoutingSids.TaskQueuePrefix, 1);
    private static readonly CreateWorkerRequest Agent = new("Agent", """{"contact_uri":"client:agent"}""", WorkerActivity.Idle);
    private static readonly CreateTaskQueueRequest Support = new("Support", ReservationTimeout: 60);

    [Fact]
    public async Task Creating_a_chosen_sid_again_answers_the_existing_one_and_lists_it_once()
    {
        await using var harness = await StartAsync();

        var worker = Succeeded(await harness.Workspace.CreateWorkerWithSid(WorkerSid, Agent));
        var queue = Succeeded(await harness.Workspace.CreateTaskQueueWithSid(QueueSid, Support));
        var workerAgain = await harness.Workspace.CreateWorkerWithSid(WorkerSid, Agent with { FriendlyName = "Other" });
        var queueAgain = await harness.Workspace.CreateTaskQueueWithSid(QueueSid, Support with { FriendlyName = "Other" });

        Assert.Equal((WorkerSid, "Agent", harness.WorkspaceSid, AccountSid), (worker.Sid, worker.FriendlyName, worker.WorkspaceSid, worker.AccountSid));
        Assert.Equal((QueueSid, "Support", 60), (queue.Sid, queue.FriendlyName, queue.ReservationTimeout));
        Assert.Equal((RoutingOutcome.IllegalTransition, worker), (workerAgain.Outcome, workerAgain.Value));
        Assert.Equal((RoutingOutcome.IllegalTransition, QueueSid, "Support"), (queueAgain.Outcome, queueAgain.Value!.Sid, queueAgain.Value.FriendlyName));
        Assert.Equal([QueueSid], Succeeded(await harness.Workspace.GetTaskQueueSids()));
    }

    [Fact]
    public async Task A_worker_with_a_chosen_sid_is_routed_to_like_any_other()
    {
        await using var harness = await StartAsync();
        Succeeded(await harness.Workspace.CreateWorkerWithSid(WorkerSid, Agent));
        Succeeded(await harness.Workspace.CreateTaskQueueWithSid(QueueSid, Support));

        var task = await harness.AddTaskAsync(QueueSid);

        var reservation = Assert.Single(await harness.ReservationsOfAsync(task.Sid));
        Assert.Equal((WorkerSid, 60), (reservation.WorkerSid, reservation.Timeout));
    }

    [Fact]
    public async Task A_sid_of_another_kind_is_refused()
    {
        await using var harness = await StartAsync();

        var worker = await harness.Workspace.CreateWorkerWithSid(QueueSid, Agent);
        var queue = await harness.Workspace.CreateTaskQueueWithSid("WQ1", Support);

        Assert.Equal((RoutingOutcome.Invalid, $"'{QueueSid}' is not a worker sid."), (worker.Outcome, worker.Error));
        Assert.Equal((RoutingOutcome.Invalid, "'WQ1' is not a task queue sid."), (queue.Outcome, queue.Error));
        Assert.Empty(Succeeded(await harness.Workspace.GetTaskQueueSids()));
    }
}
