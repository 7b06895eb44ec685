using System.Net;
using System.Text.Json;
using Telephony.GrainInterfaces.Sessions;
using static Telephony.Api.Tests.SessionAccounts;

namespace Telephony.Api.Tests;

/// <summary>Every refused session request: the right status, problem details naming the field, and no change to the stored session.</summary>
public sealed class SessionErrorTests : IAsyncLifetime
{
    private const string Customer = "+15550001111";
    private readonly ApiFactory _api = new(Settings(answerDelayMs: 0));
    private SessionClient _agent = null!;

    public Task InitializeAsync()
    {
        _agent = new SessionClient(_api.CreateClient(), AgentKey);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task No_key_is_401_and_a_key_of_another_account_sees_404_for_every_session_route()
    {
        var session = await ConnectedCallAsync();
        var anonymous = new SessionClient(_agent.Http, string.Empty);
        var foreign = new SessionClient(_agent.Http, ForeignKey);

        foreach (var (method, path, body) in Routes(session))
        {
            using var unauthenticated = await anonymous.SendAsync(method, path, body);
            Assert.True(HttpStatusCode.Unauthorized == unauthenticated.StatusCode, $"{method} {path} without a key: {unauthenticated.StatusCode}");
            using var other = await foreign.SendAsync(method, path, body);
            await AssertProblemAsync(other, HttpStatusCode.NotFound, $"{method} {path} with another account's key");
        }

        await AssertUnchangedAsync(session);
    }

    [Fact]
    public async Task A_user_key_not_in_the_session_is_403_for_changes_but_may_read_it()
    {
        var session = await ConnectedCallAsync();
        var colleague = new SessionClient(_agent.Http, OtherAgentKey);

        foreach (var (method, path, body) in Routes(session).Where(r => r.Method != HttpMethod.Get))
        {
            using var response = await colleague.SendAsync(method, path, body);
            await AssertProblemAsync(response, HttpStatusCode.Forbidden, $"{method} {path} with a colleague's key");
        }

        Assert.Equal(session.Id, (await colleague.GetAsync(session.Id!)).Id);
        await AssertUnchangedAsync(session);
    }

    [Fact]
    public async Task An_unknown_session_is_404()
    {
        using var get = await _agent.SendAsync(HttpMethod.Get, "/sessions/no-such-session");
        using var hold = await _agent.SendAsync(HttpMethod.Post, "/sessions/no-such-session/hold", new { });

        await AssertProblemAsync(get, HttpStatusCode.NotFound, "GET of an unknown session");
        await AssertProblemAsync(hold, HttpStatusCode.NotFound, "hold of an unknown session");
    }

    [Theory]
    [InlineData("/sessions/outgoing", "{}", "numberToDial")]
    [InlineData("/sessions/outgoing", """{"numberToDial":"555-1234"}""", "numberToDial")]
    [InlineData("/sessions/outgoing", """{"numberToDial":"+15550001111","callerId":"nope"}""", "callerId")]
    [InlineData("/sessions", """{"channel":"Voice"}""", "destination")]
    [InlineData("/sessions", """{"channel":"Carrier pigeon","destination":"+15550001111"}""", "channel")]
    [InlineData("/sessions", """{"channel":"Fax","destination":"+15550001111"}""", "channel")]
    [InlineData("/sessions", """{"channel":"Voice","destination":42}""", "destination")]
    [InlineData("/sessions", "not json", "$")]
    public async Task An_invalid_new_session_is_400_naming_the_field(string path, string body, string field)
    {
        using var response = await _agent.SendAsync(HttpMethod.Post, path, body);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, $"POST {path} {body}");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"the errors name '{field}': {problem}");
        Assert.Empty((await ListAsync("/sessions")).Items);
    }

    [Theory]
    [InlineData("hold", """{"reason":"Lunch"}""", "reason")]
    [InlineData("redirect", "{}", "destination")]
    [InlineData("redirect", """{"destination":"+1"}""", "destination")]
    [InlineData("redirect", """{"destination":"bob\uFFFE@example.com"}""", "destination")]
    [InlineData("conference/members", "{}", "destination")]
    [InlineData("conference/members", """{"destination":"+15550002222","fromNumber":"0800"}""", "fromNumber")]
    [InlineData("hold", """{"callSid":"CA-not-in-this-session"}""", null)]
    public async Task An_invalid_body_on_a_live_call_is_400_and_changes_nothing(string action, string body, string? field)
    {
        var session = await ConnectedCallAsync();

        using var response = await _agent.SendAsync(HttpMethod.Post, $"/sessions/{session.Id}/{action}", body);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, $"{action} {body}");
        if (field is not null)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"the errors name '{field}': {problem}");
        }

        await AssertUnchangedAsync(session);
    }

    [Fact]
    public async Task Unhold_when_not_held_and_hold_when_held_are_409()
    {
        var session = await ConnectedCallAsync();
        using var unhold = await _agent.SendAsync(HttpMethod.Post, $"/sessions/{session.Id}/unhold");
        await AssertProblemAsync(unhold, HttpStatusCode.Conflict, "unhold when not held");
        await AssertUnchangedAsync(session);

        var held = await _agent.SessionAsync(HttpMethod.Post, $"/sessions/{session.Id}/hold", new { });
        using var again = await _agent.SendAsync(HttpMethod.Post, $"/sessions/{session.Id}/hold", new { });
        await AssertProblemAsync(again, HttpStatusCode.Conflict, "hold when held");
        await AssertUnchangedAsync(held);
    }

    [Fact]
    public async Task Every_change_to_an_ended_session_is_409()
    {
        var session = await ConnectedCallAsync();
        var ended = await _agent.SessionAsync(HttpMethod.Delete, $"/sessions/{session.Id}");
        ended = await _agent.UntilAsync(session.Id!, s => s.Members.All(m => m.CallState == SessionMemberCallState.None), "the legs ended");

        foreach (var (method, path, body) in Routes(ended).Where(r => r.Method != HttpMethod.Get && !r.Path.Contains("/members", StringComparison.Ordinal)))
        {
            using var response = await _agent.SendAsync(method, path, body);
            await AssertProblemAsync(response, HttpStatusCode.Conflict, $"{method} {path} on an ended session");
        }

        await AssertUnchangedAsync(ended);
    }

    [Fact]
    public async Task Dialling_a_conference_member_into_a_chat_is_409_and_so_is_inviting_a_chat_member_into_a_call()
    {
        var chat = await _agent.SessionAsync(HttpMethod.Post, "/sessions", new { channel = "Chat", destination = "pat@acme.example" }, HttpStatusCode.Created);
        var call = await ConnectedCallAsync();

        using var dial = await _agent.SendAsync(HttpMethod.Post, $"/sessions/{chat.Id}/conference/members", new { destination = Customer });
        using var hold = await _agent.SendAsync(HttpMethod.Post, $"/sessions/{chat.Id}/hold", new { });
        using var invite = await _agent.SendAsync(HttpMethod.Post, $"/sessions/{call.Id}/members", new { memberToAdd = "pat@acme.example" });

        await AssertProblemAsync(dial, HttpStatusCode.Conflict, "a member dial on a chat");
        await AssertProblemAsync(hold, HttpStatusCode.Conflict, "a hold on a chat");
        await AssertProblemAsync(invite, HttpStatusCode.Conflict, "a chat invite on a call");
        await AssertUnchangedAsync(chat);
        await AssertUnchangedAsync(call);
    }

    [Fact]
    public async Task Patch_changes_console_data_and_queue_state_and_rejects_a_call_state_it_cannot_set()
    {
        var session = await ConnectedCallAsync();

        var patched = await _agent.SessionAsync(HttpMethod.Patch, $"/sessions/{session.Id}", new { consoleData = "{\"note\":1}", queueState = "Connected" });
        using var invalid = await _agent.SendAsync(HttpMethod.Patch, $"/sessions/{session.Id}", new { callState = "Ringing" });
        var held = await _agent.SessionAsync(HttpMethod.Patch, $"/sessions/{session.Id}", new { callState = "Hold", holdReason = "Transferring" });
        var unheld = await _agent.SessionAsync(HttpMethod.Patch, $"/sessions/{session.Id}", new { callState = "Connected" });

        Assert.Equal(("{\"note\":1}", SessionQueueStates.Connected), (patched.ConsoleData, patched.QueueState));
        await AssertProblemAsync(invalid, HttpStatusCode.BadRequest, "PATCH callState Ringing");
        Assert.Equal((SessionCallState.Hold, SessionHoldReasons.Transferring), (held.CallState, held.HoldReason));
        Assert.Equal((SessionCallState.Connected, SessionHoldReasons.None), (unheld.CallState, unheld.HoldReason));
        Assert.Equal("{\"note\":1}", unheld.ConsoleData);
    }

    [Fact]
    public async Task The_route_session_id_wins_over_the_body()
    {
        var session = await ConnectedCallAsync();

        var held = await _agent.SessionAsync(HttpMethod.Post, $"/sessions/{session.Id}/hold", new { sessionId = "some-other-session" });

        Assert.Equal((session.Id, SessionCallState.Hold), (held.Id, held.CallState));
    }

    private static IEnumerable<(HttpMethod Method, string Path, object? Body)> Routes(SessionInfo session) =>
    [
        (HttpMethod.Get, $"/sessions/{session.Id}", null),
        (HttpMethod.Patch, $"/sessions/{session.Id}", new { consoleData = "x", callState = "Hold" }),
        (HttpMethod.Delete, $"/sessions/{session.Id}", null),
        (HttpMethod.Post, $"/sessions/{session.Id}/hold", new { }),
        (HttpMethod.Post, $"/sessions/{session.Id}/unhold", new { }),
        (HttpMethod.Post, $"/sessions/{session.Id}/redirect", new { destination = "+15550003333" }),
        (HttpMethod.Post, $"/sessions/{session.Id}/conference/members", new { destination = "+15550002222" }),
        (HttpMethod.Delete, $"/sessions/{session.Id}/conference/members/{session.CallSid}", null),
        (HttpMethod.Post, $"/sessions/{session.Id}/members", new { memberToAdd = "pat@acme.example" }),
        (HttpMethod.Delete, $"/sessions/{session.Id}/members/pat@acme.example", null),
    ];

    private async Task<SessionInfo> ConnectedCallAsync()
    {
        var created = await _agent.SessionAsync(HttpMethod.Post, "/sessions/outgoing", new { numberToDial = Customer }, HttpStatusCode.Created);
        return await _agent.UntilAsync(created.Id!, s => s.CallState == SessionCallState.Connected && s.ConferenceSid is not null, "the call connected");
    }

    /// <summary>The stored session is exactly as it was (same modification time and log).</summary>
    private async Task AssertUnchangedAsync(SessionInfo before)
    {
        var after = await _agent.GetAsync(before.Id!);
        Assert.Equal(
            JsonSerializer.Serialize(before, SessionJsonContext.Default.SessionInfo),
            JsonSerializer.Serialize(after, SessionJsonContext.Default.SessionInfo));
    }

    private async Task<ListSessionsResponse> ListAsync(string path)
    {
        using var response = await _agent.SendAsync(HttpMethod.Get, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(), SessionJsonContext.Default.ListSessionsResponse)!;
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{what}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
