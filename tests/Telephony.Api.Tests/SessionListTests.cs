using System.Net;
using System.Text.Json;
using Telephony.GrainInterfaces.Sessions;
using static Telephony.Api.Tests.SessionAccounts;

namespace Telephony.Api.Tests;

/// <summary>Listing sessions: filters, paging, live sessions and the caller's own, each within the key's account.</summary>
public sealed class SessionListTests : IAsyncLifetime
{
    private readonly ApiFactory _api = new(Settings(answerDelayMs: 0));
    private SessionClient _agent = null!;
    private SessionClient _admin = null!;

    public Task InitializeAsync()
    {
        var http = _api.CreateClient();
        _agent = new SessionClient(http, AgentKey);
        _admin = new SessionClient(http, AdminKey);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Sessions_are_listed_newest_first_with_filters_and_paging()
    {
        var call = await _agent.SessionAsync(HttpMethod.Post, "/sessions/outgoing", new { numberToDial = "+15550001111" }, HttpStatusCode.Created);
        var chat = await _agent.SessionAsync(HttpMethod.Post, "/sessions", new { channel = "Chat", destination = "+15550002222" }, HttpStatusCode.Created);
        var adminCall = await _admin.SessionAsync(HttpMethod.Post, "/sessions/outgoing", new { numberToDial = "+15550003333" }, HttpStatusCode.Created);
        await _agent.SessionAsync(HttpMethod.Delete, $"/sessions/{chat.Id}");
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal([adminCall.Id, chat.Id, call.Id], await IdsAsync("/sessions"));
        Assert.Equal([chat.Id], await IdsAsync("/sessions?ended=true"));
        Assert.Equal([adminCall.Id, call.Id], await IdsAsync("/sessions?ended=false&channel=Voice"));
        Assert.Equal([chat.Id], await IdsAsync("/sessions?channel=chat"));
        Assert.Equal([call.Id], await IdsAsync("/sessions?to=0001111"));
        Assert.Equal([adminCall.Id, chat.Id, call.Id], await IdsAsync($"/sessions?from=%2B1555010&startDate={today}&endDate={today}"));
        Assert.Empty(await IdsAsync("/sessions?startDate=2001-01-01&endDate=2001-01-31"));

        var firstPage = await PageAsync("/sessions?countPerPage=2");
        var secondPage = await PageAsync("/sessions?countPerPage=2&page=1");
        Assert.Equal([adminCall.Id, chat.Id], firstPage.Items.Select(s => s.Id));
        Assert.Equal((3, 2, true), (firstPage.TotalCount, firstPage.TotalPages, firstPage.HasMorePages));
        Assert.Equal([call.Id], secondPage.Items.Select(s => s.Id));
        Assert.False(secondPage.HasMorePages);
        var simplified = await PageAsync("/sessions?countPerPage=2&simplifiedPaging=true");
        Assert.Equal((0, 0, true), (simplified.TotalCount, simplified.TotalPages, simplified.HasMorePages));
    }

    [Fact]
    public async Task Active_lists_the_accounts_live_sessions_and_my_only_the_callers_own()
    {
        var mine = await _agent.SessionAsync(HttpMethod.Post, "/sessions/outgoing", new { numberToDial = "+15550001111" }, HttpStatusCode.Created);
        var theirs = await _admin.SessionAsync(HttpMethod.Post, "/sessions/outgoing", new { numberToDial = "+15550003333" }, HttpStatusCode.Created);
        var invitedTo = await _admin.SessionAsync(HttpMethod.Post, "/sessions", new { channel = "Chat", destination = AgentUserId }, HttpStatusCode.Created);
        var ended = await _agent.SessionAsync(HttpMethod.Post, "/sessions", new { channel = "Chat", destination = "+15550002222" }, HttpStatusCode.Created);
        await _agent.SessionAsync(HttpMethod.Delete, $"/sessions/{ended.Id}");

        Assert.Equal([invitedTo.Id, theirs.Id, mine.Id], await LiveIdsAsync(_agent, "/sessions/active"));
        Assert.Equal([invitedTo.Id, mine.Id], await LiveIdsAsync(_agent, "/sessions/my"));
        Assert.Equal([invitedTo.Id, theirs.Id], await LiveIdsAsync(_admin, "/sessions/my"));
        Assert.Empty(await LiveIdsAsync(new SessionClient(_agent.Http, ForeignKey), "/sessions/active"));
        Assert.Empty((await PageAsync("/sessions", ForeignKey)).Items);
    }

    [Fact]
    public async Task A_page_token_continues_the_list_after_the_previous_page_without_counting()
    {
        var ids = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            ids.Insert(0, (await _agent.SessionAsync(HttpMethod.Post, "/sessions", new { channel = "Chat", destination = $"+1555000{i:0000}" }, HttpStatusCode.Created)).Id);
        }

        var first = await PageAsync("/sessions?countPerPage=2&channel=Chat");
        var second = await PageAsync($"/sessions?countPerPage=2&channel=Chat&pageToken={first.NextPageToken}");
        var third = await PageAsync($"/sessions?countPerPage=2&channel=Chat&pageToken={second.NextPageToken}");

        Assert.Equal(ids, [.. first.Items.Select(s => s.Id), .. second.Items.Select(s => s.Id), .. third.Items.Select(s => s.Id)]);
        Assert.Equal((5, 3), (first.TotalCount, first.TotalPages));
        Assert.Equal((0, 0, true), (second.TotalCount, second.TotalPages, second.HasMorePages));
        Assert.Equal((false, null), (third.HasMorePages, third.NextPageToken));
    }

    [Fact]
    public async Task Live_lists_page_by_page_size_and_link_the_next_page()
    {
        var ids = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            ids.Insert(0, (await _agent.SessionAsync(HttpMethod.Post, "/sessions", new { channel = "Chat", destination = $"+1555000{i:0000}" }, HttpStatusCode.Created)).Id);
        }

        var first = await LiveAsync(_agent, "/sessions/my?pageSize=2");
        var second = await LiveAsync(_agent, first.NextPageUrl!);

        Assert.StartsWith("/sessions/my?pageSize=2&pageToken=", first.NextPageUrl, StringComparison.Ordinal);
        Assert.Equal(ids, [.. first.Sessions.Select(s => s.Id), .. second.Sessions.Select(s => s.Id)]);
        Assert.Equal((null, null), (second.NextPageToken, second.NextPageUrl));
    }

    [Theory]
    [InlineData("/sessions/active?pageSize=0", "pageSize")]
    [InlineData("/sessions/active?pageSize=1001", "pageSize")]
    [InlineData("/sessions/my?pageSize=ten", "pageSize")]
    [InlineData("/sessions/my?pageToken=not-a-token", "pageToken")]
    [InlineData("/sessions?pageToken=AQAAAAAAAAAAYQ%3D%3D", "pageToken")]
    [InlineData("/sessions?page=1&pageToken=AQAAAAAAAAAAYQ", "pageToken")]
    public async Task A_bad_page_is_400_naming_it(string path, string field)
    {
        using var response = await _agent.SendAsync(HttpMethod.Get, path);

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), text);
    }

    [Theory]
    [InlineData("ended=maybe", "ended")]
    [InlineData("channel=Pigeon", "channel")]
    [InlineData("channel=1", "channel")]
    [InlineData("page=-1", "page")]
    [InlineData("page=x", "page")]
    [InlineData("countPerPage=0", "countPerPage")]
    [InlineData("countPerPage=1001", "countPerPage")]
    [InlineData("startDate=22/11/2026", "startDate")]
    [InlineData("startDate=2026-11-22&endDate=2026-11-01", "endDate")]
    public async Task A_bad_filter_is_400_naming_it(string query, string field)
    {
        using var response = await _agent.SendAsync(HttpMethod.Get, $"/sessions?{query}");

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), text);
    }

    private async Task<IReadOnlyList<string?>> IdsAsync(string path) => [.. (await PageAsync(path)).Items.Select(s => s.Id)];

    private async Task<ListSessionsResponse> PageAsync(string path, string? key = null)
    {
        using var response = await new SessionClient(_agent.Http, key ?? AgentKey).SendAsync(HttpMethod.Get, path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {text}");
        return JsonSerializer.Deserialize(text, SessionJsonContext.Default.ListSessionsResponse)!;
    }

    private static async Task<IReadOnlyList<string?>> LiveIdsAsync(SessionClient client, string path) =>
        [.. (await LiveAsync(client, path)).Sessions.Select(s => s.Id)];

    private static async Task<SessionList> LiveAsync(SessionClient client, string path)
    {
        using var response = await client.SendAsync(HttpMethod.Get, path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {text}");
        return JsonSerializer.Deserialize(text, SessionJsonContext.Default.SessionList)!;
    }
}
