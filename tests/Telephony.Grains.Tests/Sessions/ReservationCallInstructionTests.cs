using Telephony.GrainInterfaces.Routing;
using Telephony.Testing;
using static Telephony.Grains.Tests.Sessions.SessionHarness;

namespace Telephony.Grains.Tests.Sessions;

/// <summary>The reservation's call and redirect instructions, against Twilio's REST API.</summary>
public sealed class ReservationCallInstructionTests
{
    [Fact]
    public async Task Call_accepts_and_dials_the_worker_from_the_given_number_running_the_given_url()
    {
        await using var harness = await StartAsync();
        var (reservation, _) = await OfferAsync(harness);

        var called = await reservation.Call(new ReservationInstruction { From = CallerId, Url = "https://app.example.org/twiml/agent?r=1" });

        Assert.Equal(ReservationStatus.Accepted, Succeeded(called).Status);
        var dial = Assert.Single(harness.Twilio.Requests, r => r.Path == "/Calls.json");
        var form = System.Web.HttpUtility.ParseQueryString(dial.Body);
        Assert.Equal(("client:alice", CallerId, "https://app.example.org/twiml/agent?r=1"), (form["To"], form["From"], form["Url"]));
    }

    [Fact]
    public async Task Redirect_accepts_and_moves_a_call_of_the_tasks_session_to_the_url()
    {
        await using var harness = await StartAsync();
        var (reservation, session) = await OfferAsync(harness);

        var redirected = await reservation.Redirect(new ReservationInstruction { CallSid = session.CallSid, Url = "https://app.example.org/twiml/voicemail" });

        Assert.Equal(ReservationStatus.Accepted, Succeeded(redirected).Status);
        var update = Assert.Single(harness.Twilio.Requests, r => r.Path == $"/Calls/{session.CallSid}.json");
        var form = System.Web.HttpUtility.ParseQueryString(update.Body);
        Assert.Equal(("https://app.example.org/twiml/voicemail", "POST"), (form["Url"], form["Method"]));
    }

    [Theory]
    [InlineData("call", null, "https://app.example.org/twiml")]
    [InlineData("call", "+15550100000", "ftp://app.example.org/twiml")]
    [InlineData("call", "+15550100000", null)]
    [InlineData("redirect", "CA-of-another-session", "https://app.example.org/twiml")]
    [InlineData("redirect", null, "https://app.example.org/twiml")]
    public async Task A_call_or_redirect_missing_what_it_needs_is_invalid_and_leaves_the_reservation_pending(string instruction, string? value, string? url)
    {
        await using var harness = await StartAsync();
        var (reservation, _) = await OfferAsync(harness);
        var requestsBefore = harness.Twilio.Requests.Count;

        var result = instruction == "call"
            ? await reservation.Call(new ReservationInstruction { From = value, Url = url })
            : await reservation.Redirect(new ReservationInstruction { CallSid = value, Url = url });

        Assert.Equal(RoutingOutcome.Invalid, result.Outcome);
        var after = (await reservation.Get()).Value!;
        Assert.Equal((ReservationStatus.Pending, 0L), (after.Status, after.Version));
        Assert.Equal(requestsBefore, harness.Twilio.Requests.Count);
    }

    /// <summary>A connected outgoing session whose task is offered to Alice.</summary>
    private static async Task<(IReservationGrain Reservation, GrainInterfaces.Sessions.SessionInfo Session)> OfferAsync(SessionHarness harness)
    {
        var session = await harness.ConnectedCallAsync("s1");
        var workspaceSid = RoutingSids.New(RoutingSids.WorkspacePrefix);
        var workspace = harness.Grains.GetGrain<IWorkspaceGrain>(workspaceSid);
        Assert.True((await workspace.Create(new CreateWorkspaceRequest(AccountId, "Support"))).IsSuccess);
        var queue = (await workspace.CreateTaskQueue(new CreateTaskQueueRequest("Support"))).Value!;
        Assert.True((await workspace.CreateWorker(new CreateWorkerRequest("alice", """{"contact_uri":"client:alice"}""", WorkerActivity.Idle))).IsSuccess);
        var task = (await workspace.CreateTask(new CreateTaskRequest(queue.Sid, SessionId: "s1"))).Value!;
        var taskGrain = harness.Grains.GetGrain<ITaskGrain>(RoutingSids.ScopedKey(workspaceSid, task.Sid));
        await Eventually.Until(async () => (await taskGrain.GetReservations()).Value!.Count == 1, "the task is offered");
        return (harness.Grains.GetGrain<IReservationGrain>((await taskGrain.GetReservations()).Value![0].ReservationSid), session);
    }

    private static Reservation Succeeded(RoutingResult<Reservation> result)
    {
        Assert.True(result.IsSuccess, $"{result.Outcome}: {result.Error}");
        return result.Value!;
    }
}
