using Telephony.GrainInterfaces.Routing;
using Telephony.GrainInterfaces.Sessions;
using Telephony.Testing;
using static Telephony.Grains.Tests.Sessions.SessionHarness;

namespace Telephony.Grains.Tests.Sessions;

/// <summary>Workers racing to conference into the same call.</summary>
public sealed class ConferenceRaceTests
{
    [Fact]
    public async Task Of_five_workers_conferencing_in_at_once_exactly_one_is_dialled_fifty_times_over()
    {
        await using var harness = await StartAsync();
        var workspaceSid = RoutingSids.New(RoutingSids.WorkspacePrefix);
        var workspace = harness.Grains.GetGrain<IWorkspaceGrain>(workspaceSid);
        Assert.True((await workspace.Create(new CreateWorkspaceRequest(AccountId, "Support"))).IsSuccess);
        var queue = (await workspace.CreateTaskQueue(new CreateTaskQueueRequest("Support", MaxReservedWorkers: 5))).Value!;
        for (var i = 0; i < 5; i++)
        {
            Assert.True((await workspace.CreateWorker(new CreateWorkerRequest($"agent-{i}", $$"""{"contact_uri":"client:agent-{{i}}"}""", WorkerActivity.Idle))).IsSuccess);
        }

        for (var round = 0; round < 50; round++)
        {
            var sessionId = $"race-{round}";
            await harness.ConnectedCallAsync(sessionId);
            var task = (await workspace.CreateTask(new CreateTaskRequest(queue.Sid, SessionId: sessionId))).Value!;
            var taskGrain = harness.Grains.GetGrain<ITaskGrain>(RoutingSids.ScopedKey(workspaceSid, task.Sid));
            await Eventually.Until(async () => (await taskGrain.GetReservations()).Value!.Count == 5, $"round {round}: the task is offered to all five");
            var offers = (await taskGrain.GetReservations()).Value!;

            using var start = new ManualResetEventSlim();
            var racing = offers.Select(o => Task.Run(async () =>
            {
                start.Wait();
                return await harness.Grains.GetGrain<IReservationGrain>(o.ReservationSid).Conference(new ReservationInstruction());
            })).ToList();
            start.Set();
            var results = await Task.WhenAll(racing);

            var winner = Assert.Single(results, r => r.IsSuccess);
            Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal(RoutingOutcome.IllegalTransition, r.Outcome));
            var session = await harness.GetAsync(sessionId);
            var agent = Assert.Single(session.Members, m => m.Role == SessionMemberRoles.Agent);
            Assert.Equal(winner.Value!.WorkerSid, agent.Identity);
            await Eventually.Until(
                async () => (await Task.WhenAll(offers.Select(o => harness.Grains.GetGrain<IReservationGrain>(o.ReservationSid).Get())))
                    .Count(r => r.Value!.Status == ReservationStatus.Rescinded) == 4,
                $"round {round}: the four others are rescinded");

            // The worker is free again for the next round.
            Assert.True((await harness.Grains.GetGrain<IReservationGrain>(winner.Value.Sid).Complete(new ReservationInstruction())).IsSuccess);
        }

        // Per round one dial for the customer and one for the single winning agent.
        Assert.Equal(100, harness.Twilio.Requests.Count(r => r.Path.EndsWith("/Participants.json", StringComparison.Ordinal)));
    }
}
