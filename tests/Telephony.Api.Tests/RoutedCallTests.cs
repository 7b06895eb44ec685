using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Telephony.GrainInterfaces.Sessions;
using Telephony.Testing;
using static Telephony.Api.Tests.SessionAccounts;

namespace Telephony.Api.Tests;

/// <summary>
/// Incoming calls routed to agents end to end over real HTTP with the Simulator: the call becomes a session and a
/// task, workers are offered it on their event streams, and the one who takes it is conferenced in.
/// </summary>
public sealed class RoutedCallTests : IAsyncLifetime
{
    private const string Caller = "+15550007777";
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"routed-{Guid.NewGuid():N}.db");
    private string _workspace = null!;
    private string _queue = null!;
    private string _alice = null!;
    private string _bob = null!;

    /// <summary>Provisions a workspace, a queue with a two-second offer timeout and two agents, then restarts with them as the account's defaults.</summary>
    public async Task InitializeAsync()
    {
        await using var provisioning = new ApiFactory(Store(Settings()));
        var admin = new SessionClient(provisioning.CreateClient(), AdminKey);
        _workspace = await admin.CreateAsync("/workspaces", new { friendlyName = "Support" });
        _queue = await admin.CreateAsync($"/workspaces/{_workspace}/task-queues", new { friendlyName = "Support", reservationTimeout = 2 });
        _alice = await admin.CreateAsync($"/workspaces/{_workspace}/workers", Agent("alice"));
        _bob = await admin.CreateAsync($"/workspaces/{_workspace}/workers", Agent("bob"));
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("Twilio")]
    [InlineData("Bandwidth")]
    public async Task A_call_offered_to_one_agent_times_out_and_the_next_accepts_with_a_conference_wraps_and_completes(string format)
    {
        await using var api = new ApiFactory(RoutedSettings(format), kestrel: true);
        var http = api.CreateClient();
        var admin = new SessionClient(http, AdminKey);
        var bob = new SessionClient(http, "bob-agent-key");
        await using var aliceEvents = EventStreamReader.OpenWorker(http, _workspace, _alice, "alice-agent-key");
        await using var bobEvents = EventStreamReader.OpenWorker(http, _workspace, _bob, "bob-agent-key");

        // The call comes in: a session and a task; Alice, idle longest, is offered it first and lets it time out.
        using var placed = await admin.SendAsync(HttpMethod.Post, "/simulator/calls/incoming", new { from = Caller, to = CallerId });
        Assert.Equal(HttpStatusCode.Accepted, placed.StatusCode);
        var aliceSaw = await aliceEvents.UntilAsync(2, "Alice's offer timed out");
        Assert.Equal(["reservation.created", "reservation.timeout"], aliceSaw.Select(e => e.Type));
        Assert.Equal("timeout", aliceSaw[1].Data.GetProperty("status").GetString());
        var task = aliceSaw[0].Data.GetProperty("task");
        var sessionId = task.GetProperty("sessionId").GetString()!;
        var queued = await admin.GetAsync(sessionId);
        Assert.Equal((SessionDirections.Incoming, SessionQueueStates.Queued, Caller), (queued.Direction, queued.QueueState, queued.FromAddress));

        // Bob is offered it next and accepts by conferencing in.
        var offered = (await bobEvents.UntilAsync(1, "Bob is offered the call"))[0].Data;
        var reservationPath = $"/workspaces/{_workspace}/workers/{_bob}/reservations/{offered.GetProperty("sid").GetString()}";
        using (var conference = await bob.SendAsync(HttpMethod.Post, $"{reservationPath}/conference", new { }))
        {
            Assert.Equal(HttpStatusCode.OK, conference.StatusCode);
            Assert.Equal("accepted", JsonDocument.Parse(await conference.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
        }

        var bridged = await admin.UntilAsync(sessionId, s => s.Members.Count == 2 && s.Members.All(m => m.CallState == SessionMemberCallState.Connected), "caller and agent are in the conference");
        Assert.Equal([(SessionMemberRoles.Caller, Caller), (SessionMemberRoles.Agent, _bob)], bridged.Members.Select(m => (m.Role, m.Identity)));
        Assert.Equal((SessionCallState.Connected, SessionQueueStates.Connected, _bob, "bob"), (bridged.CallState, bridged.QueueState, bridged.AnsweredById, bridged.AnsweredByName));
        Assert.NotNull(bridged.ConferenceSid);
        Assert.Contains(sessionId, await MyIdsAsync(bob));

        // The agent holds and releases their own leg through the reservation, then wraps up and completes.
        var held = await InstructAsync(bob, $"{reservationPath}/participant", new { hold = true });
        Assert.Equal("accepted", held.GetProperty("status").GetString());
        await admin.UntilAsync(sessionId, s => s.Members[1].CallState == SessionMemberCallState.Hold, "the agent's leg is held");
        await InstructAsync(bob, $"{reservationPath}/participant", new { hold = false });
        await admin.UntilAsync(sessionId, s => s.Members[1].CallState == SessionMemberCallState.Connected, "the agent's leg is back");
        Assert.Equal("wrapping", (await InstructAsync(bob, $"{reservationPath}/wrap", null)).GetProperty("status").GetString());
        Assert.Equal("completed", (await InstructAsync(bob, $"{reservationPath}/complete", null)).GetProperty("status").GetString());

        var bobSaw = await bobEvents.UntilAsync(4, "Bob's reservation completed");
        Assert.Equal(["reservation.created", "reservation.accepted", "reservation.wrapup", "reservation.completed"], bobSaw.Select(e => e.Type));
        Assert.Equal(["pending", "accepted", "wrapping", "completed"], bobSaw.Select(e => e.Data.GetProperty("status").GetString()));
        Assert.Equal(2, aliceEvents.Events.Count);
    }

    [Fact]
    public async Task A_caller_hanging_up_while_offered_cancels_the_reservation_and_task_and_ends_the_session_as_missed()
    {
        await using var api = new ApiFactory(RoutedSettings("Twilio"), kestrel: true);
        var http = api.CreateClient();
        var admin = new SessionClient(http, AdminKey);
        await using var aliceEvents = EventStreamReader.OpenWorker(http, _workspace, _alice, "alice-agent-key");

        using var placed = await admin.SendAsync(HttpMethod.Post, "/simulator/calls/incoming", new { from = Caller, to = CallerId });
        var callSid = JsonDocument.Parse(await placed.Content.ReadAsStringAsync()).RootElement.GetProperty("callId").GetString();
        var offer = (await aliceEvents.UntilAsync(1, "Alice is offered the call"))[0].Data;
        using var hangup = await admin.SendAsync(HttpMethod.Post, $"/simulator/calls/{callSid}/hangup");

        var aliceSaw = await aliceEvents.UntilAsync(2, "Alice's offer is canceled");
        Assert.Equal(["reservation.created", "reservation.canceled"], aliceSaw.Select(e => e.Type));
        Assert.Equal("canceled", aliceSaw[1].Data.GetProperty("status").GetString());
        Assert.Equal(GrainInterfaces.Routing.TaskCancelReasons.CallerHungUp, aliceSaw[1].Data.GetProperty("canceledReasonCode").GetInt32());
        var taskSid = offer.GetProperty("task").GetProperty("sid").GetString();
        using var task = await admin.SendAsync(HttpMethod.Get, $"/workspaces/{_workspace}/tasks/{taskSid}");
        Assert.Equal("canceled", JsonDocument.Parse(await task.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
        var ended = await admin.UntilAsync(offer.GetProperty("task").GetProperty("sessionId").GetString()!, s => s.Ended, "the session ended");
        Assert.True(ended.WasMissed);
        Assert.Equal(SessionQueueStates.Disconnected, ended.QueueState);
    }

    [Fact]
    public async Task Dequeue_needs_a_contact_uri_and_a_participant_update_needs_a_connected_worker()
    {
        await using var api = new ApiFactory(RoutedSettings("Twilio"), kestrel: true);
        var http = api.CreateClient();
        var admin = new SessionClient(http, AdminKey);
        var carol = await admin.CreateAsync($"/workspaces/{_workspace}/workers", new { friendlyName = "carol", attributes = "{}", activity = new { name = "Available", available = true } });
        await SetAvailableAsync(admin, _alice, false);
        await SetAvailableAsync(admin, _bob, false);
        await using var carolEvents = EventStreamReader.OpenWorker(http, _workspace, carol, AdminKey);

        using var placed = await admin.SendAsync(HttpMethod.Post, "/simulator/calls/incoming", new { from = Caller, to = CallerId });
        var offer = (await carolEvents.UntilAsync(1, "Carol is offered the call"))[0].Data;
        var path = $"/workspaces/{_workspace}/workers/{carol}/reservations/{offer.GetProperty("sid").GetString()}";

        using var participant = await admin.SendAsync(HttpMethod.Post, $"{path}/participant", new { hold = true });
        using var dequeue = await admin.SendAsync(HttpMethod.Post, $"{path}/dequeue", new { });
        Assert.Equal(HttpStatusCode.Conflict, participant.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, dequeue.StatusCode);
        Assert.Contains("contact_uri", await dequeue.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var still = await admin.SendAsync(HttpMethod.Get, path);
        Assert.Equal(("pending", "0"), (JsonDocument.Parse(await still.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString(), still.Headers.ETag?.Tag.Trim('"')));

        var accepted = await InstructAsync(admin, $"{path}/dequeue", new { to = "client:carol" });
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        var bridged = await admin.UntilAsync(offer.GetProperty("task").GetProperty("sessionId").GetString()!, s => s.Members.Count == 2 && s.Members[1].CallState == SessionMemberCallState.Connected, "Carol is connected");
        Assert.Equal((SessionMemberRoles.Agent, carol), (bridged.Members[1].Role, bridged.Members[1].Identity));
    }

    private Dictionary<string, string?> RoutedSettings(string format)
    {
        var settings = Store(Settings(format));
        settings["Telephony:Accounts:0:DefaultWorkspace"] = _workspace;
        settings["Telephony:Accounts:0:DefaultTaskQueue"] = _queue;
        settings["Telephony:Accounts:0:ApiKeys:3:Key"] = "alice-agent-key";
        settings["Telephony:Accounts:0:ApiKeys:3:UserId"] = _alice;
        settings["Telephony:Accounts:0:ApiKeys:4:Key"] = "bob-agent-key";
        settings["Telephony:Accounts:0:ApiKeys:4:UserId"] = _bob;
        return settings;
    }

    private Dictionary<string, string?> Store(Dictionary<string, string?> settings)
    {
        settings["Telephony:Storage:Provider"] = "Sqlite";
        settings["Telephony:Storage:ConnectionString"] = $"Data Source={_database}";
        return settings;
    }

    private static object Agent(string name) => new
    {
        friendlyName = name,
        attributes = $$"""{"contact_uri":"client:{{name}}"}""",
        activity = new { name = "Available", available = true },
    };

    private async Task SetAvailableAsync(SessionClient admin, string worker, bool available)
    {
        using var response = await admin.SendAsync(HttpMethod.Post, $"/workspaces/{_workspace}/workers/{worker}", new { activity = new { name = available ? "Available" : "Offline", available } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<JsonElement> InstructAsync(SessionClient client, string path, object? body)
    {
        using var response = await client.SendAsync(HttpMethod.Post, path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {path}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<IReadOnlyList<string?>> MyIdsAsync(SessionClient client)
    {
        using var response = await client.SendAsync(HttpMethod.Get, "/sessions/my");
        return [.. JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(), SessionJsonContext.Default.SessionList)!.Sessions.Select(s => s.Id)];
    }
}
