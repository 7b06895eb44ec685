using System.Net;
using System.Text.Json;
using Telephony.Grains.Tests.Sessions;
using static Telephony.Api.Tests.SessionAccounts;

namespace Telephony.Api.Tests;

/// <summary>Live session responses carry exactly the seeds' fields, down to members and log entries.</summary>
public sealed class SessionContractTests
{
    public static TheoryData<string> Seeds => [SeedDocuments.HoldSession, SeedDocuments.AddConferenceMember, SeedDocuments.InviteChatMember];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Every_session_response_has_exactly_the_seed_field_set(string seedFile)
    {
        var seed = SeedDocuments.Load(seedFile);
        await using var api = new ApiFactory(Settings(answerDelayMs: 0));
        var agent = new SessionClient(api.CreateClient(), AgentKey);

        var created = await BodyAsync(agent, HttpMethod.Post, "/sessions/outgoing", new { numberToDial = "+15550001111" }, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        await agent.UntilAsync(id, s => s.ConferenceSid is not null && s.CallState == GrainInterfaces.Sessions.SessionCallState.Connected, "the call connected");
        JsonElement[] sessions =
        [
            created,
            await BodyAsync(agent, HttpMethod.Post, $"/sessions/{id}/hold", new { }),
            await BodyAsync(agent, HttpMethod.Post, $"/sessions/{id}/conference/members", new { destination = "+15550002222" }),
            await BodyAsync(agent, HttpMethod.Get, $"/sessions/{id}"),
            (await BodyAsync(agent, HttpMethod.Get, "/sessions")).GetProperty("items")[0],
            (await BodyAsync(agent, HttpMethod.Get, "/sessions/active")).GetProperty("sessions")[0],
            (await BodyAsync(agent, HttpMethod.Get, "/sessions/my")).GetProperty("sessions")[0],
            await BodyAsync(agent, HttpMethod.Post, "/sessions", new { channel = "Chat", destination = "pat@acme.example" }, HttpStatusCode.Created),
            await BodyAsync(agent, HttpMethod.Delete, $"/sessions/{id}"),
        ];

        foreach (var session in sessions)
        {
            AssertKeys(seed, "SessionInfo", session);
            Assert.NotEmpty(session.GetProperty("log").EnumerateArray());
            Assert.NotEmpty(session.GetProperty("members").EnumerateArray());
            foreach (var member in session.GetProperty("members").EnumerateArray())
            {
                AssertKeys(seed, "SessionMemberInfo", member);
            }

            foreach (var entry in session.GetProperty("log").EnumerateArray())
            {
                AssertKeys(seed, "SessionLogInfo", entry);
            }
        }
    }

    private static void AssertKeys(SeedContract seed, string className, JsonElement json) =>
        Assert.Equal(
            seed.FieldsOf(className).Select(f => f.Name).Order(StringComparer.Ordinal),
            json.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

    [Fact]
    public async Task Phone_numbers_are_written_with_a_plain_plus_sign()
    {
        await using var api = new ApiFactory(Settings(answerDelayMs: 0));
        var agent = new SessionClient(api.CreateClient(), AgentKey);

        using var created = await agent.SendAsync(HttpMethod.Post, "/sessions/outgoing", new { numberToDial = "+15550001111" });
        var createdText = await created.Content.ReadAsStringAsync();
        var id = JsonDocument.Parse(createdText).RootElement.GetProperty("id").GetString()!;
        using var fetched = await agent.SendAsync(HttpMethod.Get, $"/sessions/{id}");
        var fetchedText = await fetched.Content.ReadAsStringAsync();

        foreach (var (response, text) in new[] { (created, createdText), (fetched, fetchedText) })
        {
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("\"toAddress\":\"+15550001111\"", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\\u002B", text, StringComparison.Ordinal);
        }
    }

    private static async Task<JsonElement> BodyAsync(SessionClient client, HttpMethod method, string path, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.SendAsync(method, path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
