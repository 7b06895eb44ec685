using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Telephony.GrainInterfaces.Sessions;
using Telephony.Providers.Simulator;
using static Telephony.Api.Tests.SessionAccounts;

namespace Telephony.Api.Tests;

/// <summary>Whole sessions over real HTTP against the Simulator, in both of its formats.</summary>
public sealed class SessionScenarioTests
{
    private const string Customer = "+15550001111";
    private const string Colleague = "+15550002222";
    private const string TransferTarget = "+15550003333";

    [Theory]
    [InlineData("Twilio")]
    [InlineData("Bandwidth")]
    public async Task An_outgoing_call_rings_connects_holds_conferences_a_member_transfers_and_ends(string format)
    {
        await using var api = new ApiFactory(Settings(format), kestrel: true);
        var agent = new SessionClient(api.CreateClient(), AgentKey);

        // Dialled: the customer rings, then answers into the session's conference.
        var created = await agent.SessionAsync(HttpMethod.Post, "/sessions/outgoing", new { numberToDial = Customer }, HttpStatusCode.Created);
        Assert.Equal(SessionCallState.Ringing, created.CallState);
        Assert.Equal(SessionDialState.Active, created.DialState);
        Assert.Equal(SessionDirections.Outgoing, created.Direction);
        Assert.Equal(FlowChannels.Voice, created.Channel);
        Assert.Equal((AccountId, AgentUserId, CallerId, Customer), (created.AccountId, created.CreatedBy, created.FromAddress, created.ToAddress));
        var customer = Assert.Single(created.Members);
        Assert.Equal((Customer, SessionMemberRoles.Caller, SessionMemberCallState.Ringing, true), (customer.Identity, customer.Role, customer.CallState, customer.IsOriginalMember));
        Assert.Equal(created.CallSid, customer.CallSid);
        var id = created.Id!;
        var connected = await agent.UntilAsync(id, s => s.CallState == SessionCallState.Connected && s.ConferenceSid is not null, "the customer answered");
        Assert.Equal(SessionMemberCallState.Connected, connected.Members[0].CallState);

        // Hold and unhold the customer's leg.
        var held = await agent.SessionAsync(HttpMethod.Post, $"/sessions/{id}/hold", new { reason = "Transferring" });
        Assert.Equal((SessionCallState.Hold, SessionHoldReasons.Transferring, AgentUserId), (held.CallState, held.HoldReason, held.HeldByUserId));
        Assert.Equal(SessionMemberCallState.Hold, held.Members[0].CallState);
        Assert.NotNull(held.HoldQueueName);
        var unheld = await agent.SessionAsync(HttpMethod.Post, $"/sessions/{id}/unhold");
        Assert.Equal((SessionCallState.Connected, SessionHoldReasons.None, null, null), (unheld.CallState, unheld.HoldReason, unheld.HeldByUserId, unheld.HoldQueueName));
        Assert.Equal(SessionMemberCallState.Connected, unheld.Members[0].CallState);

        // A colleague is conferenced in: ringing until the provider reports the answer, then connected.
        var added = await agent.SessionAsync(HttpMethod.Post, $"/sessions/{id}/conference/members", new { destination = Colleague });
        Assert.Equal(2, added.Members.Count);
        var colleague = added.Members[1];
        Assert.Equal((Colleague, SessionMemberRoles.Transfer, SessionMemberCallState.Ringing, false), (colleague.Identity, colleague.Role, colleague.CallState, colleague.IsOriginalMember));
        Assert.Equal(colleague.CallSid, added.MostRecentParticipantCallSid);
        Assert.Equal(connected.ConferenceSid, added.ConferenceSid);
        await agent.UntilAsync(id, s => s.Members[1].CallState == SessionMemberCallState.Connected, "the colleague answered");

        // The colleague is removed again; the customer stays.
        var removed = await agent.SessionAsync(HttpMethod.Delete, $"/sessions/{id}/conference/members/{colleague.CallSid}");
        Assert.Equal(SessionCallState.Connected, removed.CallState);
        var afterRemoval = await agent.UntilAsync(id, s => s.Members[1].CallState == SessionMemberCallState.None, "the colleague's leg ended");
        Assert.Equal(SessionMemberCallState.Connected, afterRemoval.Members[0].CallState);
        Assert.False(afterRemoval.Ended);

        // Blind transfer, then the session is ended.
        var redirected = await agent.SessionAsync(HttpMethod.Post, $"/sessions/{id}/redirect", new { destination = TransferTarget });
        Assert.Contains(redirected.Log, l => l.Message == $"Call transferred to {TransferTarget}");
        var ended = await agent.SessionAsync(HttpMethod.Delete, $"/sessions/{id}");
        Assert.True(ended.Ended);
        Assert.Equal(("Ended", SessionDialState.None, SessionCallState.Disconnected, false), (ended.Outcome, ended.DialState, ended.CallState, ended.WasMissed));
        Assert.NotNull(ended.DateCompleted);
        var final = await agent.UntilAsync(id, s => s.Members.All(m => m.CallState == SessionMemberCallState.None), "every leg ended");
        Assert.Equal(ended.DateCompleted, final.DateCompleted);

        // The log tells the story in order.
        string[] story =
        [
            $"Outgoing call to {Customer} from {CallerId}",
            $"{Customer} connected",
            $"{Customer} put on hold (Transferring)",
            $"{Customer} taken off hold",
            $"Conference member {Colleague} dialled",
            $"{Colleague} connected",
            $"Conference member {Colleague} removed",
            $"{Colleague} hung up",
            $"Call transferred to {TransferTarget}",
            "Session ended",
        ];
        var messages = final.Log.Select(l => l.Message!).ToList();
        Assert.Equal(story, messages.Where(story.Contains).Distinct());
    }

    [Fact]
    public async Task A_chat_session_invites_members_by_phone_number_and_by_email()
    {
        await using var api = new ApiFactory(Settings(), kestrel: true);
        var agent = new SessionClient(api.CreateClient(), AgentKey);

        var chat = await agent.SessionAsync(HttpMethod.Post, "/sessions", new { channel = "Chat", destination = Customer }, HttpStatusCode.Created);
        await agent.SessionAsync(HttpMethod.Post, $"/sessions/{chat.Id}/members", new { memberToAdd = "pat@acme.example" });
        var invited = await agent.SessionAsync(HttpMethod.Post, $"/sessions/{chat.Id}/members", new { memberToAdd = Colleague, callerId = "+15550109999" });

        Assert.Equal((FlowChannels.Chat, SessionCallState.Passive, SessionDialState.Active), (invited.Channel, invited.CallState, invited.DialState));
        Assert.Equal([Customer, "pat@acme.example", Colleague], invited.Members.Select(m => m.Identity));
        Assert.Equal([SessionMemberRoles.Caller, SessionMemberRoles.Agent, SessionMemberRoles.Caller], invited.Members.Select(m => m.Role));
        Assert.All(invited.Members, m => Assert.Null(m.CallSid));
        var texts = api.Services.GetRequiredService<SimulatorNetworkRegistry>().Find(AccountId)!.Messages;
        Assert.Equal([(CallerId, Customer), ("+15550109999", Colleague)], texts.Select(m => (m.From, m.To)));

        var removed = await agent.SessionAsync(HttpMethod.Delete, $"/sessions/{chat.Id}/members/pat@acme.example");
        Assert.Equal([Customer, Colleague], removed.Members.Select(m => m.Identity));
        var ended = await agent.SessionAsync(HttpMethod.Delete, $"/sessions/{chat.Id}");
        Assert.Equal((true, "Ended", false), (ended.Ended, ended.Outcome, ended.WasMissed));
    }

    [Fact]
    public async Task An_incoming_call_starts_a_session_and_a_caller_hanging_up_ends_it_as_missed()
    {
        await using var api = new ApiFactory(Settings(), kestrel: true);
        var admin = new SessionClient(api.CreateClient(), AdminKey);

        using var placed = await admin.SendAsync(HttpMethod.Post, "/simulator/calls/incoming", new { from = Customer, to = CallerId });
        Assert.Equal(HttpStatusCode.Accepted, placed.StatusCode);
        SessionList? active = null;
        await Telephony.Testing.Eventually.Until(async () => (active = await ListAsync(admin, "/sessions/active")).Sessions.Count == 1, "the session is listed as active");
        var session = active!.Sessions[0];
        Assert.Equal((SessionDirections.Incoming, Customer, CallerId, SessionCallState.Ringing), (session.Direction, session.FromAddress, session.ToAddress, session.CallState));
        Assert.Equal(SessionMemberRoles.Caller, Assert.Single(session.Members).Role);

        using var hangup = await admin.SendAsync(HttpMethod.Post, $"/simulator/calls/{session.CallSid}/hangup");
        var ended = await admin.UntilAsync(session.Id!, s => s.Ended, "the caller hung up");
        Assert.True(ended.WasMissed);
        Assert.Equal(SessionCallState.Disconnected, ended.CallState);
        Assert.NotNull(ended.DateCompleted);
        Assert.Empty((await ListAsync(admin, "/sessions/active")).Sessions);
    }

    private static async Task<SessionList> ListAsync(SessionClient client, string path)
    {
        using var response = await client.SendAsync(HttpMethod.Get, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return System.Text.Json.JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(), SessionJsonContext.Default.SessionList)!;
    }
}
