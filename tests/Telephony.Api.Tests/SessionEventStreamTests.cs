using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Telephony.GrainInterfaces.Sessions;
using Telephony.Testing;
using static Telephony.Api.Tests.SessionAccounts;

namespace Telephony.Api.Tests;

/// <summary><c>GET /sessions/events</c> over real HTTP: Evo Voice's notifications per account, per user, resumable with <c>Last-Event-ID</c>.</summary>
public sealed class SessionEventStreamTests : IAsyncLifetime
{
    private const string Path = "/sessions/events";
    private const string Customer = "+15550001111";

    private readonly ApiFactory _api = new(Settings(), kestrel: true);
    private HttpClient _http = null!;

    public Task InitializeAsync()
    {
        _http = _api.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Answered_held_and_disconnected_reach_the_accounts_stream_with_the_session_and_another_account_sees_none_of_it()
    {
        await using var stream = await OpenAsync(AgentKey);
        await using var foreign = await OpenAsync(ForeignKey);
        var agent = new SessionClient(_http, AgentKey);

        var id = await CallHoldUnholdAndEndAsync(agent);
        var events = await stream.UntilAsync(e => Ended(e, id), "the session's end reached the stream");
        var foreignId = (await new SessionClient(_http, ForeignKey).SessionAsync(HttpMethod.Post, "/sessions/outgoing", new { numberToDial = Customer }, HttpStatusCode.Created)).Id!;
        var foreignEvents = await foreign.UntilAsync(e => e.Any(x => x.Type == "sessions.active"), "the other account's own session reached its stream");

        var session = events.Skip(1).ToList();
        Assert.Equal("stream.ready", events[0].Type);
        Assert.Equal(
            ["sessions.active", "session.answered", "session.held", "session.held", "session.disconnected", "sessions.active"],
            session.Select(e => e.Type).Where(t => t != "session.info"));
        Assert.Equal("session.info", session[0].Type);
        Assert.All(session.Where(e => e.Type.StartsWith("session.", StringComparison.Ordinal)), e => Assert.Equal(id, e.Data.GetProperty("id").GetString()));
        var held = session.Where(e => e.Type == "session.held").Select(e => e.Data.GetProperty("callState").GetString());
        Assert.Equal(["Hold", "Connected"], held);
        Assert.Equal("Disconnected", session.Single(e => e.Type == "session.disconnected").Data.GetProperty("callState").GetString());
        Assert.Equal([[id], []], Active(session.First(e => e.Type == "sessions.active")));
        Assert.Equal([[], [id]], Active(session.Last(e => e.Type == "sessions.active")));
        Assert.Equal(session.Count, session.Select(e => e.Id).Distinct().Count());

        // Every version is announced with the same JSON as the REST API answers for it.
        var rest = await (await agent.SendAsync(HttpMethod.Get, $"/sessions/{id}")).Content.ReadAsStringAsync();
        await stream.UntilAsync(e => e.Any(x => x.Type.StartsWith("session.", StringComparison.Ordinal) && x.Data.GetRawText() == rest), "the stream carried the session as the API answers it");

        Assert.Equal("stream.ready", foreignEvents[0].Type);
        Assert.All(foreignEvents.Skip(1), e => Assert.Equal(foreignId, e.Type == "sessions.active" ? Active(e)[0][0] : e.Data.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Last_Event_ID_resumes_after_the_event_it_names_without_duplicates_or_gaps()
    {
        await using var whole = await OpenAsync(AdminKey);
        await using var first = await OpenAsync(AdminKey);
        var agent = new SessionClient(_http, AgentKey);
        var id = (await agent.SessionAsync(HttpMethod.Post, "/sessions/outgoing", new { numberToDial = Customer }, HttpStatusCode.Created)).Id!;
        await agent.UntilAsync(id, s => s.CallState == SessionCallState.Connected, "the customer answered");
        await agent.SessionAsync(HttpMethod.Post, $"/sessions/{id}/hold", new { });
        var seen = await first.UntilAsync(e => e.Any(x => x.Type == "session.held"), "the hold reached the first stream");
        await first.DisposeAsync();

        // While no stream of this client is open, the session changes on.
        await agent.SessionAsync(HttpMethod.Post, $"/sessions/{id}/unhold");
        await agent.SendAsync(HttpMethod.Delete, $"/sessions/{id}");
        var resumeAfter = seen.Count(e => e.Type != "stream.ready") / 2;
        var lastEventId = seen.Where(e => e.Type != "stream.ready").ElementAt(resumeAfter - 1).Id!;
        await using var resumed = await OpenAsync(AdminKey, lastEventId);

        await whole.UntilAsync(e => Ended(e, id), "the whole stream saw the end");
        await resumed.UntilAsync(e => Ended(e, id), "the resumed stream saw the end");

        // What follows the end (the active list changing) may still be on its way to either stream: compare once both hold the same last event.
        await Eventually.Until(() => whole.Events[^1].Id == resumed.Events[^1].Id, "both streams hold the same last event");
        var all = whole.Events.Where(e => e.Type != "stream.ready").ToList();
        var again = resumed.Events.Where(e => e.Type != "stream.ready").ToList();
        Assert.Equal(Describe(all.Skip(resumeAfter)), Describe(again));
        Assert.DoesNotContain(resumed.Events, e => e.Type == "stream.reset");
    }

    [Fact]
    public async Task A_user_filter_shows_only_the_sessions_of_that_user()
    {
        await using var mine = await OpenAsync(AgentKey, userId: AgentUserId);
        var adminSession = (await new SessionClient(_http, AdminKey).SessionAsync(HttpMethod.Post, "/sessions/outgoing", new { numberToDial = Customer }, HttpStatusCode.Created)).Id!;
        var agentSession = (await new SessionClient(_http, AgentKey).SessionAsync(HttpMethod.Post, "/sessions/outgoing", new { numberToDial = "+15550002222" }, HttpStatusCode.Created)).Id!;

        var events = await mine.UntilAsync(e => e.Any(x => x.Type == "sessions.active"), "the agent's session reached the stream");

        Assert.Equal(AgentUserId, events[0].Data.GetProperty("userId").GetString());
        Assert.All(events.Skip(1), e => Assert.Equal(agentSession, e.Type == "sessions.active" ? Active(e)[0][0] : e.Data.GetProperty("id").GetString()));
        Assert.DoesNotContain(events, e => e.Data.GetRawText().Contains(adminSession, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_position_the_rings_no_longer_hold_is_a_reset_then_the_stream_goes_on_from_the_newest()
    {
        var zero = string.Join('.', Enumerable.Repeat("0", 16));
        await using var stream = await OpenAsync(AdminKey, zero);

        var events = await stream.UntilAsync(2, "the reset and the ready event");

        Assert.Equal(["stream.reset", "stream.ready"], events.Select(e => e.Type));
        Assert.Equal("/sessions/active", events[0].Data.GetProperty("sessions").GetString());
        Assert.Equal(events[0].Id, events[1].Id);
        Assert.All(events[1].Id!.Split('.'), p => Assert.True(long.Parse(p, System.Globalization.CultureInfo.InvariantCulture) >= 1L << 32, p));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.-1")]
    [InlineData("0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.99999999999999999999")]
    public async Task A_Last_Event_ID_this_stream_never_sent_is_400_problem_details(string lastEventId)
    {
        using var request = Request(AdminKey, lastEventId);

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("Last-Event-ID", out _));
    }

    [Fact]
    public async Task Without_a_key_the_stream_is_401_problem_details()
    {
        using var response = await _http.GetAsync(new Uri(Path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<EventStreamReader> OpenAsync(string key, string? lastEventId = null, string? userId = null)
    {
        var stream = EventStreamReader.Open(_http, userId is null ? Path : $"{Path}?userId={Uri.EscapeDataString(userId)}", key, lastEventId);
        await stream.UntilAsync(e => e.Any(x => x.Type == "stream.ready"), "the stream is live");
        return stream;
    }

    private static HttpRequestMessage Request(string key, string lastEventId)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        request.Headers.Add("Last-Event-ID", lastEventId);
        return request;
    }

    private static async Task<string> CallHoldUnholdAndEndAsync(SessionClient agent)
    {
        var id = (await agent.SessionAsync(HttpMethod.Post, "/sessions/outgoing", new { numberToDial = Customer }, HttpStatusCode.Created)).Id!;
        await agent.UntilAsync(id, s => s.CallState == SessionCallState.Connected, "the customer answered");
        await agent.SessionAsync(HttpMethod.Post, $"/sessions/{id}/hold", new { });
        await agent.SessionAsync(HttpMethod.Post, $"/sessions/{id}/unhold");
        Assert.Equal(HttpStatusCode.OK, (await agent.SendAsync(HttpMethod.Delete, $"/sessions/{id}")).StatusCode);
        return id;
    }

    private static bool Ended(IReadOnlyList<StreamEvent> events, string sessionId) =>
        events.Any(e => e.Type == "sessions.active" && Active(e)[1].Contains(sessionId));

    private static string[][] Active(StreamEvent e) =>
        [[.. e.Data.GetProperty("added").EnumerateArray().Select(x => x.GetString()!)], [.. e.Data.GetProperty("removed").EnumerateArray().Select(x => x.GetString()!)]];

    private static List<string> Describe(IEnumerable<StreamEvent> events) => [.. events.Select(e => $"{e.Id} {e.Type} {e.Data.GetRawText()}")];
}
