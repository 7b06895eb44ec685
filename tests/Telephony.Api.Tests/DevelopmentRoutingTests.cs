using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telephony.Api.Hosting;
using Telephony.Testing;

namespace Telephony.Api.Tests;

/// <summary>
/// With no account configured, the node makes the development account's workspace, queue and agent worker at start-up
/// under their well-known sids, so a newcomer's first call is routed to the agent; a restart on the same store finds them.
/// </summary>
public sealed class DevelopmentRoutingTests
{
    private const string Caller = "+15551230001";
    private static readonly string WorkerPath = $"/workspaces/{DevelopmentAccount.WorkspaceSid}/workers/{DevelopmentAccount.WorkerSid}";

    [Fact]
    public async Task An_incoming_call_is_offered_to_the_agent_once_the_agent_key_makes_its_worker_available()
    {
        await using var api = new ApiFactory(kestrel: true);
        var http = api.CreateClient();
        var agent = new SessionClient(http, DevelopmentAccount.AgentKey);
        var admin = new SessionClient(http, DevelopmentAccount.AdminKey);
        await using var events = EventStreamReader.OpenWorker(http, DevelopmentAccount.WorkspaceSid, DevelopmentAccount.WorkerSid, DevelopmentAccount.AgentKey);

        var offline = await JsonAsync(agent, HttpMethod.Get, WorkerPath);
        var available = await JsonAsync(agent, HttpMethod.Post, WorkerPath, new { activity = new { name = "Available", available = true } });
        using var placed = await admin.SendAsync(HttpMethod.Post, "/simulator/calls/incoming", new { from = Caller, to = DevelopmentAccount.CallerId });
        var (_, type, offer) = (await events.UntilAsync(1, "the agent is offered the call"))[0];
        var listed = await JsonAsync(agent, HttpMethod.Get, $"{WorkerPath}/reservations");

        Assert.Equal(("Agent", "Offline", """{"contact_uri":"client:agent"}"""), (Text(offline, "friendlyName"), Text(offline, "activityName"), Text(offline, "attributes")));
        Assert.Equal("Available", Text(available, "activityName"));
        Assert.Equal(HttpStatusCode.Accepted, placed.StatusCode);
        Assert.Equal(("reservation.created", "pending", DevelopmentAccount.WorkerSid), (type, Text(offer, "status"), Text(offer, "workerSid")));
        Assert.Equal((DevelopmentAccount.TaskQueueSid, DevelopmentStartup.ReservationTimeoutSeconds), (Text(offer.GetProperty("task"), "queueSid"), offer.GetProperty("timeout").GetInt32()));
        Assert.Equal(Text(offer, "sid"), Text(Assert.Single(listed.GetProperty("reservations").EnumerateArray()), "sid"));
        var session = await admin.GetAsync(Text(offer.GetProperty("task"), "sessionId"));
        Assert.Equal(Caller, session.FromAddress);
    }

    [Fact]
    public async Task The_start_up_line_gives_the_keys_and_the_console_address_with_the_workspace_and_worker_filled_in()
    {
        using var capture = new LogCapture();
        await using var api = new ApiFactory();
        await using var host = api.WithWebHostBuilder(b => b.ConfigureLogging(logging => logging.AddProvider(capture)));
        using var client = host.CreateClient();

        Assert.Contains(
            "No account configured: using account 'development' on the Simulator (caller id +15550100000). Admin key: dev-admin-key  Agent key: dev-agent-key  "
            + "Console: http://localhost:5000/console/?workspace=WS00000000000000000000000000000001&worker=WK00000000000000000000000000000001",
            capture.Warnings);
    }

    [Fact]
    public async Task A_restart_on_the_same_store_finds_the_workspace_queue_and_worker_and_creates_none_twice()
    {
        using var store = new TemporarySqliteFile();
        var first = await RoutingAsync(store);
        var second = await RoutingAsync(store);

        Assert.Equal(first, second);
        Assert.Equal(("Support", DevelopmentAccount.TaskQueueSid, DevelopmentAccount.WorkerSid), (second.Workspace, second.Queues, second.Workers));
    }

    [Fact]
    public async Task Starting_again_twice_at_once_on_a_running_node_creates_none_twice()
    {
        using var store = new TemporarySqliteFile();
        await using var api = new ApiFactory(store.Settings);
        var admin = new SessionClient(api.CreateClient(), DevelopmentAccount.AdminKey);
        var before = await RoutingAsync(admin);
        var startup = api.Services.GetServices<IHostedService>().OfType<DevelopmentStartup>().Single();

        await Task.WhenAll(startup.StartAsync(CancellationToken.None), startup.StartAsync(CancellationToken.None));

        Assert.Equal(before, await RoutingAsync(admin));
    }

    /// <summary>Starts a node on <paramref name="store"/> and reads its development routing.</summary>
    private static async Task<(string Workspace, string Created, string Queues, string Workers)> RoutingAsync(TemporarySqliteFile store)
    {
        await using var api = new ApiFactory(store.Settings);
        return await RoutingAsync(new SessionClient(api.CreateClient(), DevelopmentAccount.AdminKey));
    }

    /// <summary>The development routing as <paramref name="admin"/> sees it: the workspace's name and when it was made, its queues and workers.</summary>
    private static async Task<(string Workspace, string Created, string Queues, string Workers)> RoutingAsync(SessionClient admin)
    {
        var workspacePath = $"/workspaces/{DevelopmentAccount.WorkspaceSid}";
        var workspace = await JsonAsync(admin, HttpMethod.Get, workspacePath);
        var queues = await JsonAsync(admin, HttpMethod.Get, $"{workspacePath}/task-queues");
        var workers = await JsonAsync(admin, HttpMethod.Get, $"{workspacePath}/workers");
        return (
            Text(workspace, "friendlyName"),
            Text(workspace, "dateCreated"),
            string.Join(",", queues.EnumerateArray().Select(q => Text(q, "sid"))),
            string.Join(",", workers.GetProperty("workers").EnumerateArray().Select(w => Text(w, "sid"))));
    }

    private static async Task<JsonElement> JsonAsync(SessionClient client, HttpMethod method, string path, object? body = null)
    {
        using var response = await client.SendAsync(method, path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{method} {path}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string Text(JsonElement element, string property) => element.GetProperty(property).GetString()!;
}
