using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Telephony.GrainInterfaces.Sessions;
using Telephony.Providers.Simulator;
using static Telephony.Api.Tests.SessionAccounts;

namespace Telephony.Api.Tests;

/// <summary>Many clients acting on one session at once.</summary>
public sealed class SessionConcurrencyTests
{
    [Fact]
    public async Task A_hundred_concurrent_holds_and_unholds_leave_the_session_as_the_last_one_applied_with_every_change_logged()
    {
        await using var api = new ApiFactory(Settings(answerDelayMs: 0), kestrel: true);
        var agent = new SessionClient(api.CreateClient(), AgentKey);
        var created = await agent.SessionAsync(HttpMethod.Post, "/sessions/outgoing", new { numberToDial = "+15550001111" }, HttpStatusCode.Created);
        var id = created.Id!;
        var before = await agent.UntilAsync(id, s => s.CallState == SessionCallState.Connected && s.ConferenceSid is not null, "the call connected");

        using var start = new ManualResetEventSlim();
        var requests = Enumerable.Range(0, 100).Select(i => Task.Run(async () =>
        {
            start.Wait();
            using var response = await agent.SendAsync(HttpMethod.Post, $"/sessions/{id}/{(i % 2 == 0 ? "hold" : "unhold")}", new { });
            return (Hold: i % 2 == 0, response.StatusCode);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(requests);

        Assert.All(results, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"status {r.StatusCode}"));
        var applied = results.Count(r => r.StatusCode == HttpStatusCode.OK);
        Assert.True(applied >= 1);
        var after = await agent.GetAsync(id);
        var changes = after.Log.Skip(before.Log.Count)
            .Select(l => l.Message)
            .Where(m => m is "+15550001111 put on hold" or "+15550001111 taken off hold")
            .ToList();
        Assert.Equal(applied, changes.Count);
        Assert.Equal(results.Count(r => r.Hold && r.StatusCode == HttpStatusCode.OK), changes.Count(m => m!.EndsWith("put on hold", StringComparison.Ordinal)));

        // Holds and unholds alternate in the log, and the session and the provider's participant agree with the last one.
        Assert.All(changes.Zip(changes.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
        var lastWasHold = changes[^1]!.EndsWith("put on hold", StringComparison.Ordinal);
        Assert.Equal(lastWasHold ? SessionCallState.Hold : SessionCallState.Connected, after.CallState);
        Assert.Equal(lastWasHold ? SessionMemberCallState.Hold : SessionMemberCallState.Connected, after.Members[0].CallState);
        var network = api.Services.GetRequiredService<SimulatorNetworkRegistry>().Find(AccountId)!;
        var participant = network.Conferences.Single(c => c.ConferenceId == after.ConferenceSid).Participants.Single(p => p.CallId == after.CallSid);
        Assert.Equal(lastWasHold, participant.Hold);
    }
}
