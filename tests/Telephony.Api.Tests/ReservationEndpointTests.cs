using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Telephony.GrainInterfaces.Routing;
using Telephony.Testing;

namespace Telephony.Api.Tests;

public sealed class ReservationEndpointTests : IAsyncLifetime
{
    private const string Account = "acme";
    private readonly ApiFactory _api = new(new Dictionary<string, string?>
    {
        ["Telephony:Accounts:0:Id"] = Account,
        ["Telephony:Accounts:0:ApiKeys:0:Key"] = "acme-admin-key",
        ["Telephony:Accounts:0:ApiKeys:0:Role"] = "Admin",
        ["Telephony:Accounts:0:ApiKeys:1:Key"] = "acme-other-agent-key",
        ["Telephony:Accounts:0:ApiKeys:1:Role"] = "User",
        ["Telephony:Accounts:0:ApiKeys:1:UserId"] = "WK0000000000000000000000000000ffff",
        ["Telephony:Accounts:1:Id"] = "other",
        ["Telephony:Accounts:1:ApiKeys:0:Key"] = "other-admin-key",
        ["Telephony:Accounts:1:ApiKeys:0:Role"] = "Admin",
        ["Telephony:Accounts:1:ApiKeys:1:Key"] = "other-agent-key",
        ["Telephony:Accounts:1:ApiKeys:1:Role"] = "User",
        ["Telephony:Accounts:1:ApiKeys:1:UserId"] = "WK0000000000000000000000000000eeee",
    });

    private HttpClient _client = null!;
    private string _workspaceSid = null!;
    private string _workerSid = null!;
    private string _reservationSid = null!;

    private string ReservationPath => $"/workspaces/{_workspaceSid}/workers/{_workerSid}/reservations/{_reservationSid}";

    public async Task InitializeAsync()
    {
        _client = _api.CreateClient();
        var grains = _api.Services.GetRequiredService<IGrainFactory>();
        _workspaceSid = RoutingSids.New(RoutingSids.WorkspacePrefix);
        var workspace = grains.GetGrain<IWorkspaceGrain>(_workspaceSid);
        await workspace.Create(new CreateWorkspaceRequest(Account, "Support"));
        _workerSid = (await workspace.CreateWorker(new CreateWorkerRequest("alice", """{"skills":[],"contact_uri":"client:alice"}""", WorkerActivity.Idle))).Value!.Sid;
        var queue = (await workspace.CreateTaskQueue(new CreateTaskQueueRequest("Support", [], 120, 1))).Value!;
        var task = (await workspace.CreateTask(new CreateTaskRequest(queue.Sid, """{"type":"call"}""", 0, "session-1"))).Value!;
        var taskGrain = grains.GetGrain<ITaskGrain>(RoutingSids.ScopedKey(_workspaceSid, task.Sid));
        await Eventually.Until(async () => (await taskGrain.GetReservations()).Value!.Count == 1, "the task is offered");
        _reservationSid = (await taskGrain.GetReservations()).Value![0].ReservationSid;
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task A_reservation_is_read_with_its_version_as_etag()
    {
        var response = await Send(HttpMethod.Get, ReservationPath, "acme-admin-key");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("pending", body.RootElement.GetProperty("status").GetString());
        Assert.Equal($"\"{Version(body)}\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task A_stale_if_match_is_412_and_changes_nothing_then_the_current_version_accepts()
    {
        var current = await Send(HttpMethod.Get, ReservationPath, "acme-admin-key");
        var etag = current.Headers.ETag!.Tag;

        var stale = await Send(HttpMethod.Post, ReservationPath + "/accept", "acme-admin-key", ifMatch: "\"99\"");
        var unchanged = await Send(HttpMethod.Get, ReservationPath, "acme-admin-key");
        var accepted = await Send(HttpMethod.Post, ReservationPath + "/accept", "acme-admin-key", ifMatch: etag);
        var again = await Send(HttpMethod.Post, ReservationPath + "/accept", "acme-admin-key");

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(etag, unchanged.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        using var body = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync());
        Assert.Equal("accepted", body.RootElement.GetProperty("status").GetString());
        Assert.Equal($"\"{Version(body)}\"", accepted.Headers.ETag!.Tag);
        Assert.NotEqual(etag, accepted.Headers.ETag.Tag);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Of_200_concurrent_accepts_exactly_one_succeeds_and_the_rest_are_refused()
    {
        var before = await Send(HttpMethod.Get, ReservationPath, "acme-admin-key");
        var etag = before.Headers.ETag!.Tag;

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            Send(HttpMethod.Post, ReservationPath + "/accept", "acme-admin-key", ifMatch: i % 2 == 0 ? etag : null)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r =>
            Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Conflict, HttpStatusCode.PreconditionFailed }));
        var after = await Send(HttpMethod.Get, ReservationPath, "acme-admin-key");
        using var body = JsonDocument.Parse(await after.Content.ReadAsStringAsync());
        Assert.Equal("accepted", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(long.Parse(etag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture) + 1, Version(body));
    }

    [Fact]
    public async Task A_malformed_if_match_is_400()
    {
        var response = await Send(HttpMethod.Post, ReservationPath + "/accept", "acme-admin-key", ifMatch: "\"soon\"");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Keys_see_only_their_own_account_and_workers()
    {
        var anonymous = await Send(HttpMethod.Get, ReservationPath, key: null);
        var foreignAccount = await Send(HttpMethod.Post, ReservationPath + "/accept", "other-admin-key");
        var otherWorker = await Send(HttpMethod.Post, ReservationPath + "/accept", "acme-other-agent-key");
        var stillPending = await Send(HttpMethod.Get, ReservationPath, "acme-admin-key");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignAccount.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherWorker.StatusCode);
        Assert.Contains("\"status\":\"pending\"", await stillPending.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("other-agent-key")]
    [InlineData("other-admin-key")]
    public async Task Another_accounts_key_is_answered_as_for_a_missing_reservation(string key)
    {
        var missingReservation = $"/workspaces/{_workspaceSid}/workers/{_workerSid}/reservations/{RoutingSids.New(RoutingSids.ReservationPrefix)}";
        var missingWorker = $"/workspaces/{_workspaceSid}/workers/{RoutingSids.New(RoutingSids.WorkerPrefix)}/events";
        string[] titles =
        [
            await ProblemTitle(await Send(HttpMethod.Get, ReservationPath, key)),
            await ProblemTitle(await Send(HttpMethod.Get, missingReservation, key)),
            await ProblemTitle(await Send(HttpMethod.Post, ReservationPath + "/accept", key)),
            await ProblemTitle(await Send(HttpMethod.Post, missingReservation + "/accept", key)),
        ];
        string[] streamTitles =
        [
            await ProblemTitle(await Send(HttpMethod.Get, $"/workspaces/{_workspaceSid}/workers/{_workerSid}/events", key)),
            await ProblemTitle(await Send(HttpMethod.Get, missingWorker, key)),
        ];

        Assert.All(titles, title => Assert.Equal("404 No such reservation for this worker.", title));
        Assert.All(streamTitles, title => Assert.Equal("404 No such resource in this account.", title));
        Assert.Contains("\"status\":\"pending\"", await (await Send(HttpMethod.Get, ReservationPath, "acme-admin-key")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_event_stream_replays_stored_events_after_the_last_event_id()
    {
        await Send(HttpMethod.Post, ReservationPath + "/accept", "acme-admin-key");

        var all = await ReadEvents(lastEventId: null, count: 2);
        var afterFirst = await ReadEvents(lastEventId: all[0].Id, count: 1);

        Assert.Equal(["reservation.created", "reservation.accepted"], all.Select(e => e.Type));
        Assert.Contains(_reservationSid, all[0].Data);
        Assert.Equal(["reservation.accepted"], afterFirst.Select(e => e.Type));
        Assert.Equal(all[1].Id, afterFirst[0].Id);
    }

    private static async Task<string> ProblemTitle(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return $"{(int)response.StatusCode} {body.RootElement.GetProperty("title").GetString()}";
    }

    [Fact]
    public async Task An_open_event_stream_ends_when_the_host_stops()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/workspaces/{_workspaceSid}/workers/{_workerSid}/events");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "acme-admin-key");
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(deadline.Token));
        Assert.Equal("id: 1", await reader.ReadLineAsync(deadline.Token));

        _api.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().StopApplication();

        // Reading to the end completes only once the server ends the stream; a stream left open fails at the deadline.
        var rest = await reader.ReadToEndAsync(deadline.Token);
        Assert.StartsWith("event: reservation.created\ndata: ", rest, StringComparison.Ordinal);
    }

    private static long Version(JsonDocument body) => body.RootElement.GetProperty("version") switch
    {
        { ValueKind: JsonValueKind.String } text => long.Parse(text.GetString()!, System.Globalization.CultureInfo.InvariantCulture),
        var number => number.GetInt64(),
    };

    private async Task<List<(string Id, string Type, string Data)>> ReadEvents(string? lastEventId, int count)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/workspaces/{_workspaceSid}/workers/{_workerSid}/events");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "acme-admin-key");
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var events = new List<(string Id, string Type, string Data)>();
        string? id = null, type = null, data = null;
        while (events.Count < count && await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal)) { id = line[4..]; }
            else if (line.StartsWith("event: ", StringComparison.Ordinal)) { type = line[7..]; }
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) { data = line[6..]; }
            else if (line.Length == 0 && id is not null)
            {
                events.Add((id, type!, data!));
                id = type = data = null;
            }
        }

        return events;
    }

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, string? key, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return _client.SendAsync(request);
    }
}
