using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Telephony.GrainInterfaces.Routing;
using Telephony.GrainInterfaces.Sessions;
using Telephony.Testing;

namespace Telephony.Api.Tests.Hardening;

/// <summary>
/// An API host with two Simulator accounts, each with a User and an Admin key, and in the first account two sets of
/// objects of every kind an id names: a guarded set that bad and foreign requests must leave byte-for-byte as it is,
/// and a playground the right key may change.
/// </summary>
public sealed class HardeningWorld : IAsyncDisposable
{
    /// <summary>The owning account's Admin key.</summary>
    public const string OwnerAdminKey = SessionAccounts.AdminKey;

    /// <summary>The owning account's User key.</summary>
    public const string OwnerUserKey = SessionAccounts.AgentKey;

    /// <summary>Another account's Admin key.</summary>
    public const string ForeignAdminKey = SessionAccounts.ForeignKey;

    /// <summary>Another account's User key, acting as the same user id as <see cref="OwnerUserKey"/>.</summary>
    public const string ForeignUserKey = "globex-agent-key";

    private const string ClosedPort = "http://127.0.0.1:9";

    private readonly ApiFactory _api;

    private HardeningWorld(ApiFactory api, HttpClient client)
    {
        _api = api;
        Client = client;
    }

    /// <summary>A client of the host (no key set).</summary>
    public HttpClient Client { get; }

    /// <summary>The objects that only bad or foreign requests reach.</summary>
    public ObjectIds Guarded { get; private set; } = null!;

    /// <summary>Objects the right key may change.</summary>
    public ObjectIds Playground { get; private set; } = null!;

    /// <summary>
    /// Starts the host with <paramref name="extraSettings"/> (on a loopback port with <paramref name="kestrel"/>, where
    /// the server's own request checks run as in production) and creates both sets of objects.
    /// </summary>
    public static async Task<HardeningWorld> CreateAsync(IReadOnlyDictionary<string, string?>? extraSettings = null, bool kestrel = false)
    {
        var settings = SessionAccounts.Settings(answerDelayMs: 0);
        settings["Telephony:Accounts:1:ApiKeys:1:Key"] = ForeignUserKey;
        settings["Telephony:Accounts:1:ApiKeys:1:Role"] = "User";
        settings["Telephony:Accounts:1:ApiKeys:1:UserId"] = SessionAccounts.AgentUserId;
        // The webhook tests' Twilio and Bandwidth accounts as accounts 2 and 3; their REST calls fail fast on a closed port.
        foreach (var (key, value) in WebhookAccounts.Settings())
        {
            settings[key.Replace("Accounts:0:", "Accounts:2:", StringComparison.Ordinal).Replace("Accounts:1:", "Accounts:3:", StringComparison.Ordinal)] = value;
        }

        settings["Telephony:Accounts:2:Twilio:ApiBaseUrl"] = ClosedPort;
        settings["Telephony:Accounts:3:Bandwidth:ApiBaseUrl"] = ClosedPort;
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var api = new ApiFactory(settings, kestrel);
        var world = new HardeningWorld(api, api.CreateClient());
        world.Guarded = await world.CreateObjectsAsync("guarded");
        world.Playground = await world.CreateObjectsAsync("playground");
        return world;
    }

    /// <summary>A request with <paramref name="key"/> as its bearer key (none when null).</summary>
    public static HttpRequestMessage Request(HttpMethod method, string path, string? key)
    {
        var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return request;
    }

    /// <summary>How the owner's Admin key sees every guarded object, one text per object, to compare before and after.</summary>
    public async Task<string> SnapshotAsync()
    {
        var ids = Guarded;
        string[] paths =
        [
            $"/sessions/{ids.SessionId}",
            $"/workspaces/{ids.WorkspaceSid}",
            $"/workspaces/{ids.WorkspaceSid}/workers/{ids.WorkerSid}",
            $"/workspaces/{ids.WorkspaceSid}/task-queues/{ids.QueueSid}",
            $"/workspaces/{ids.WorkspaceSid}/tasks/{ids.TaskSid}",
            $"/workspaces/{ids.WorkspaceSid}/workers/{ids.WorkerSid}/reservations/{ids.ReservationSid}",
        ];
        var texts = new List<string>();
        foreach (var path in paths)
        {
            using var response = await Client.SendAsync(Request(HttpMethod.Get, path, OwnerAdminKey));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} as the owner: {(int)response.StatusCode}");
            texts.Add($"{path}\n{await response.Content.ReadAsStringAsync()}");
        }

        return string.Join("\n\n", texts);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    private async Task<ObjectIds> CreateObjectsAsync(string name)
    {
        var agent = new SessionClient(Client, OwnerUserKey);
        var created = await agent.SessionAsync(HttpMethod.Post, "/sessions/outgoing", new { numberToDial = "+15550001111" }, HttpStatusCode.Created);
        var session = await agent.UntilAsync(created.Id!, s => s.CallState == SessionCallState.Connected && s.ConferenceSid is not null, "the call connected");

        using var call = Request(HttpMethod.Post, "/simulator/calls/incoming", OwnerAdminKey);
        call.Content = JsonContent.Create(new { from = "+15550002222", to = SessionAccounts.CallerId });
        using var incoming = await Client.SendAsync(call);
        Assert.Equal(HttpStatusCode.Accepted, incoming.StatusCode);
        var callId = (await incoming.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["callId"];

        // A reservation that never times out during a test: its task is offered once and stays pending.
        var grains = _api.Services.GetRequiredService<IGrainFactory>();
        var workspaceSid = RoutingSids.New(RoutingSids.WorkspacePrefix);
        var workspace = grains.GetGrain<IWorkspaceGrain>(workspaceSid);
        await workspace.Create(new CreateWorkspaceRequest(SessionAccounts.AccountId, name));
        var workerSid = (await workspace.CreateWorker(new CreateWorkerRequest("alice", """{"skills":[],"contact_uri":"client:alice"}""", WorkerActivity.Idle))).Value!.Sid;
        var queueSid = (await workspace.CreateTaskQueue(new CreateTaskQueueRequest("Support", [], 86_400, 1))).Value!.Sid;
        var taskSid = (await workspace.CreateTask(new CreateTaskRequest(queueSid, """{"type":"call"}""", 0, session.Id))).Value!.Sid;
        var task = grains.GetGrain<ITaskGrain>(RoutingSids.ScopedKey(workspaceSid, taskSid));
        await Eventually.Until(async () => (await task.GetReservations()).Value!.Count == 1, "the task is offered", TimeSpan.FromSeconds(60));
        var reservationSid = (await task.GetReservations()).Value![0].ReservationSid;
        return new ObjectIds(session.Id!, session.CallSid!, callId, workspaceSid, workerSid, queueSid, taskSid, reservationSid);
    }
}
