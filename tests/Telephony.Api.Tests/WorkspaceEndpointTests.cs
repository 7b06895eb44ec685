using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Telephony.Api.Tests;

public sealed class WorkspaceEndpointTests : IAsyncLifetime
{
    private readonly ApiFactory _api = new(new Dictionary<string, string?>
    {
        ["Telephony:Accounts:0:Id"] = "acme",
        ["Telephony:Accounts:0:ApiKeys:0:Key"] = "acme-admin-key",
        ["Telephony:Accounts:0:ApiKeys:0:Role"] = "Admin",
        ["Telephony:Accounts:0:ApiKeys:1:Key"] = "acme-agent-key",
        ["Telephony:Accounts:0:ApiKeys:1:Role"] = "User",
        ["Telephony:Accounts:1:Id"] = "other",
        ["Telephony:Accounts:1:ApiKeys:0:Key"] = "other-admin-key",
        ["Telephony:Accounts:1:ApiKeys:0:Role"] = "Admin",
    });

    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _api.CreateClient();
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "acme-admin-key");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task A_task_created_over_http_is_offered_to_the_worker_who_accepts_wraps_and_completes_it()
    {
        var workspace = await CreateAsync("/workspaces", new { friendlyName = "Support" });
        var ws = workspace.GetProperty("sid").GetString()!;
        var worker = await CreateAsync($"/workspaces/{ws}/workers", new { friendlyName = "alice", attributes = """{"skills":["en"],"contact_uri":"client:alice"}""", activity = new { name = "Available", available = true } });
        var wk = worker.GetProperty("sid").GetString()!;
        var queue = await CreateAsync($"/workspaces/{ws}/task-queues", new { friendlyName = "English", requiredSkills = new[] { "en" } });
        var task = await CreateAsync($"/workspaces/{ws}/tasks", new { queueSid = queue.GetProperty("sid").GetString(), attributes = """{"type":"call"}""" });
        var wt = task.GetProperty("sid").GetString()!;

        var reserved = await _client.GetFromJsonAsync<JsonElement>($"/workspaces/{ws}/tasks/{wt}");
        var workers = await _client.GetFromJsonAsync<JsonElement>($"/workspaces/{ws}/workers");
        Assert.Equal("reserved", reserved.GetProperty("status").GetString());
        Assert.Equal([wk], workers.GetProperty("workers").EnumerateArray().Select(w => w.GetProperty("sid").GetString()));

        var reservationSid = await FirstReservationAsync(ws, wk);
        var path = $"/workspaces/{ws}/workers/{wk}/reservations/{reservationSid}";
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync(path + "/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync(path + "/wrap", null)).StatusCode);
        var completed = await _client.PostAsync(path + "/complete", null);

        Assert.Equal("completed", (await completed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Another_accounts_workspace_is_404_and_only_admins_create()
    {
        var ws = (await CreateAsync("/workspaces", new { friendlyName = "Support" })).GetProperty("sid").GetString()!;
        using var other = _api.CreateClient();
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "other-admin-key");
        using var agent = _api.CreateClient();
        agent.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "acme-agent-key");

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/workspaces/{ws}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/workspaces/{ws}/workers", new { friendlyName = "mallory" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync($"/workspaces/{ws}/workers", new { friendlyName = "bob" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"/workspaces/{ws}")).StatusCode);
        Assert.Empty((await _client.GetFromJsonAsync<JsonElement>($"/workspaces/{ws}/workers")).GetProperty("workers").EnumerateArray());
    }

    [Fact]
    public async Task Tasks_are_listed_newest_first_a_page_at_a_time_with_a_link_to_the_next_page()
    {
        var ws = (await CreateAsync("/workspaces", new { friendlyName = "Support" })).GetProperty("sid").GetString()!;
        var queueSid = (await CreateAsync($"/workspaces/{ws}/task-queues", new { friendlyName = "English", requiredSkills = new[] { "en" } })).GetProperty("sid").GetString();
        var created = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            created.Insert(0, (await CreateAsync($"/workspaces/{ws}/tasks", new { queueSid, attributes = """{"type":"call"}""" })).GetProperty("sid").GetString());
        }

        var first = await _client.GetFromJsonAsync<JsonElement>($"/workspaces/{ws}/tasks?pageSize=2&AssignmentStatus=pending");
        var nextUrl = first.GetProperty("meta").GetProperty("nextPageUrl").GetString()!;
        var second = await _client.GetFromJsonAsync<JsonElement>(nextUrl);
        var reserved = await _client.GetFromJsonAsync<JsonElement>($"/workspaces/{ws}/tasks?AssignmentStatus=reserved");
        var badStatus = await _client.GetAsync($"/workspaces/{ws}/tasks?AssignmentStatus=waiting");

        Assert.Equal(created, [.. first.GetProperty("tasks").EnumerateArray().Concat(second.GetProperty("tasks").EnumerateArray()).Select(t => t.GetProperty("sid").GetString())]);
        Assert.Equal(2, first.GetProperty("meta").GetProperty("pageSize").GetInt32());
        Assert.StartsWith($"/workspaces/{ws}/tasks?pageSize=2&AssignmentStatus=pending&pageToken=", nextUrl, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("meta").GetProperty("nextPageUrl").ValueKind);
        Assert.Empty(reserved.GetProperty("tasks").EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Contains("AssignmentStatus", await badStatus.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workers_are_listed_by_activity_and_a_workers_reservations_by_status()
    {
        var ws = (await CreateAsync("/workspaces", new { friendlyName = "Support" })).GetProperty("sid").GetString()!;
        var queueSid = (await CreateAsync($"/workspaces/{ws}/task-queues", new { friendlyName = "English", requiredSkills = new[] { "en" } })).GetProperty("sid").GetString();
        var wk = (await CreateAsync($"/workspaces/{ws}/workers", new { friendlyName = "alice", attributes = """{"skills":["en"]}""", activity = new { name = "Available", available = true } })).GetProperty("sid").GetString()!;
        await CreateAsync($"/workspaces/{ws}/workers", new { friendlyName = "bob", attributes = """{"skills":["fr"]}""" });
        await CreateAsync($"/workspaces/{ws}/tasks", new { queueSid, attributes = """{"type":"call"}""" });
        var reservationSid = await FirstReservationAsync(ws, wk);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync($"/workspaces/{ws}/workers/{wk}/reservations/{reservationSid}/reject", null)).StatusCode);
        await CreateAsync($"/workspaces/{ws}/tasks", new { queueSid, attributes = """{"type":"call"}""" });
        using var other = _api.CreateClient();
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "other-admin-key");
        using var agent = _api.CreateClient();
        agent.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "acme-agent-key");

        var offline = await _client.GetFromJsonAsync<JsonElement>($"/workspaces/{ws}/workers?ActivityName=Offline");
        var all = await _client.GetFromJsonAsync<JsonElement>($"/workspaces/{ws}/workers/{wk}/reservations?pageSize=1");
        var rest = await _client.GetFromJsonAsync<JsonElement>(all.GetProperty("meta").GetProperty("nextPageUrl").GetString()!);
        var rejected = await _client.GetFromJsonAsync<JsonElement>($"/workspaces/{ws}/workers/{wk}/reservations?ReservationStatus=rejected");
        var badStatus = await _client.GetAsync($"/workspaces/{ws}/workers/{wk}/reservations?ReservationStatus=declined");

        Assert.Equal(["bob"], offline.GetProperty("workers").EnumerateArray().Select(w => w.GetProperty("friendlyName").GetString()));
        Assert.Equal(2, all.GetProperty("reservations").GetArrayLength() + rest.GetProperty("reservations").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, rest.GetProperty("meta").GetProperty("nextPageToken").ValueKind);
        var only = Assert.Single(rejected.GetProperty("reservations").EnumerateArray());
        Assert.Equal((reservationSid, "rejected"), (only.GetProperty("sid").GetString(), only.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Contains("ReservationStatus", await badStatus.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync($"/workspaces/{ws}/workers/{wk}/reservations")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/workspaces/{ws}/workers/{wk}/reservations")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/workspaces/{ws}/workers")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/workspaces/{ws}/workers/WK0000000000000000000000000000ffff/reservations")).StatusCode);
    }

    [Fact]
    public async Task A_body_with_a_malformed_activity_is_400_naming_the_field()
    {
        var ws = (await CreateAsync("/workspaces", new { friendlyName = "Support" })).GetProperty("sid").GetString()!;

        var response = await _client.PostAsync($"/workspaces/{ws}/workers", new StringContent("""{"friendlyName":"bob","activity":"napping"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"activity\"", await response.Content.ReadAsStringAsync());
    }

    private async Task<string> FirstReservationAsync(string ws, string wk)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/workspaces/{ws}/workers/{wk}/events");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return JsonDocument.Parse(line[6..]).RootElement.GetProperty("sid").GetString()!;
            }
        }

        throw new InvalidOperationException("The event stream ended without an event.");
    }

    [Fact]
    public async Task Created_and_fetched_resources_keep_plus_and_angle_brackets_as_written()
    {
        using var created = await _client.PostAsJsonAsync("/workspaces", new { friendlyName = "Sales +1 <EMEA>" });
        var createdText = await created.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("application/json", created.Content.Headers.ContentType?.MediaType);
        var sid = JsonDocument.Parse(createdText).RootElement.GetProperty("sid").GetString()!;
        using var fetched = await _client.GetAsync($"/workspaces/{sid}");
        var fetchedText = await fetched.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal("application/json", fetched.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"friendlyName\":\"Sales +1 <EMEA>\"", createdText, StringComparison.Ordinal);
        Assert.Contains("\"friendlyName\":\"Sales +1 <EMEA>\"", fetchedText, StringComparison.Ordinal);
    }

    private async Task<JsonElement> CreateAsync(string path, object body)
    {
        var response = await _client.PostAsJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.NotNull(response.Headers.Location);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
