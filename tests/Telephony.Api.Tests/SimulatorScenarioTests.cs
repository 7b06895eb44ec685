using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Telephony.Api.Simulator;
using Telephony.GrainInterfaces.Calls;

namespace Telephony.Api.Tests;

/// <summary>
/// Whole calls through the Simulator, in Twilio format and in Bandwidth format: commands go out through
/// the provider grain, signed or authenticated callbacks come back through our webhooks, and the
/// normalized events land on the call and conference grains.
/// </summary>
public sealed class SimulatorScenarioTests
{
    private const string AccountId = "sim";
    private const string AdminKey = "sim-admin-key";
    private const string Caller = "+15551230001";
    private const string OurNumber = "+15557654321";

    // Events only Twilio reports: an outbound leg's progress before answer, and participant hold changes.
    private static readonly CallEventType[] TwilioOnly = [CallEventType.Initiated, CallEventType.Ringing, CallEventType.Hold, CallEventType.Unhold];

    [Fact]
    public async Task An_outgoing_call_answered_then_hung_up_ends_in_the_same_normalized_sequence_in_both_formats()
    {
        var twilio = await OutgoingCallAsync("Twilio");
        var bandwidth = await OutgoingCallAsync("Bandwidth");

        // Answered, our voice webhook puts the leg in its own conference; hanging up takes it out again.
        CallEventType[] shared = [CallEventType.Answered, CallEventType.ConferenceMemberJoined, CallEventType.ConferenceMemberLeft, CallEventType.Disconnected];
        Assert.Equal([CallEventType.Initiated, CallEventType.Ringing, .. shared], twilio);
        Assert.Equal(shared, bandwidth);
    }

    [Fact]
    public async Task A_call_into_a_conference_with_hold_unhold_and_a_member_leaving_ends_in_the_same_normalized_sequence_in_both_formats()
    {
        var twilio = await ConferenceScenarioAsync("Twilio");
        var bandwidth = await ConferenceScenarioAsync("Bandwidth");

        CallEventType[] leg = [CallEventType.Answered, CallEventType.ConferenceMemberJoined, CallEventType.ConferenceMemberLeft, CallEventType.Disconnected];
        CallEventType[] caller = [CallEventType.Initiated, CallEventType.ConferenceMemberJoined, CallEventType.ConferenceMemberLeft, CallEventType.Disconnected];
        Assert.Equal(caller, twilio.Caller);
        Assert.Equal(caller, bandwidth.Caller);
        Assert.Equal([CallEventType.Initiated, CallEventType.Ringing, CallEventType.Answered, CallEventType.ConferenceMemberJoined, CallEventType.Hold, CallEventType.Unhold, CallEventType.ConferenceMemberLeft, CallEventType.Disconnected], twilio.Member);
        Assert.Equal(leg, bandwidth.Member);

        // Twilio starts a conference when its second participant joins, Bandwidth with the first.
        CallEventType[] membership = [CallEventType.ConferenceMemberJoined, CallEventType.ConferenceMemberJoined, CallEventType.ConferenceMemberLeft, CallEventType.ConferenceMemberLeft, CallEventType.ConferenceCompleted];
        Assert.Equal(membership, twilio.Conference.Where(t => t != CallEventType.ConferenceCreated));
        Assert.Equal(membership, bandwidth.Conference.Where(t => t != CallEventType.ConferenceCreated));
        Assert.Equal(1, twilio.Conference.Count(t => t == CallEventType.ConferenceCreated));
        Assert.Equal(1, bandwidth.Conference.Count(t => t == CallEventType.ConferenceCreated));
    }

    [Fact]
    public async Task Placing_an_incoming_call_needs_an_admin_key_and_valid_numbers()
    {
        await using var api = Api("Twilio");
        using var client = api.CreateClient();

        var anonymous = await client.PostAsJsonAsync("/simulator/calls/incoming", new SimulatedIncomingCall(Caller, OurNumber));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sim-agent-key");
        var agent = await client.PostAsJsonAsync("/simulator/calls/incoming", new SimulatedIncomingCall(Caller, OurNumber));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        var invalid = await client.PostAsJsonAsync("/simulator/calls/incoming", new SimulatedIncomingCall("12345", OurNumber));
        var unknownCall = await client.PostAsync("/simulator/calls/CA00000000000000000000000000000000/hangup", null);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, agent.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("\"from\"", await invalid.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknownCall.StatusCode);
    }

    private static IEnumerable<CallEventType> Shared(IEnumerable<CallEventType> events) => events.Where(e => !TwilioOnly.Contains(e));

    private static async Task<IReadOnlyList<CallEventType>> OutgoingCallAsync(string format)
    {
        await using var api = Api(format);
        var grains = api.Services.GetRequiredService<IGrainFactory>();
        var provider = grains.GetGrain<IProviderGrain>(CallKeys.Provider(ProviderKind.Simulator));
        var dialed = await provider.Execute(AccountId, new DialCommand { CommandId = "dial-1", From = OurNumber, To = "+15550001111" });
        var leg = grains.GetGrain<ICallGrain>(CallKeys.Call(Network(format), dialed.CallId!));
        await Until(async () => (await leg.Get()) is { Status: CallLegStatus.Answered, ConferenceName: not null });

        await provider.Execute(AccountId, new HangupCommand { CommandId = "hangup-1", CallId = dialed.CallId! });
        await Until(async () => (await leg.Get()).Status == CallLegStatus.Disconnected);

        var final = await leg.Get();
        Assert.Equal(DisconnectCause.Completed, final.Cause);
        return final.History;
    }

    private static async Task<(IReadOnlyList<CallEventType> Caller, IReadOnlyList<CallEventType> Member, IReadOnlyList<CallEventType> Conference)> ConferenceScenarioAsync(string format)
    {
        await using var api = Api(format);
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        var grains = api.Services.GetRequiredService<IGrainFactory>();
        var provider = grains.GetGrain<IProviderGrain>(CallKeys.Provider(ProviderKind.Simulator));
        var network = Network(format);

        // The caller rings in, starts a session and is put into the session's conference by our voice webhook.
        var placed = await client.PostAsJsonAsync("/simulator/calls/incoming", new SimulatedIncomingCall(Caller, OurNumber));
        Assert.Equal(HttpStatusCode.Accepted, placed.StatusCode);
        var callerId = (await placed.Content.ReadFromJsonAsync<SimulatedCallAccepted>())!.CallId;
        var caller = grains.GetGrain<ICallGrain>(CallKeys.Call(network, callerId));
        await Until(async () => (await caller.Get()).ConferenceName is not null);
        var conferenceName = (await caller.Get()).ConferenceName!;
        Assert.Equal(CallKeys.ConferenceOfSession((await caller.Get()).SessionId!), conferenceName);
        var conference = grains.GetGrain<IConferenceGrain>(CallKeys.Conference(network, AccountId, conferenceName));

        // A second member is dialled into it, held, unheld, and leaves.
        var dialed = await provider.Execute(AccountId, new DialCommand { CommandId = "dial-2", From = OurNumber, To = "+15550002222", ConferenceName = conferenceName });
        var member = grains.GetGrain<ICallGrain>(CallKeys.Call(network, dialed.CallId!));
        await Until(async () => (await conference.Get()).Members.Count == 2 && (await conference.Get()).ConferenceId is not null);
        var conferenceId = (await conference.Get()).ConferenceId!;
        await provider.Execute(AccountId, new UpdateParticipantCommand { CommandId = "hold", ConferenceId = conferenceId, CallId = dialed.CallId!, Hold = true });
        await provider.Execute(AccountId, new UpdateParticipantCommand { CommandId = "unhold", ConferenceId = conferenceId, CallId = dialed.CallId!, Hold = false });
        if (format == "Twilio")
        {
            await Until(async () => (await member.Get()).History.Contains(CallEventType.Unhold));
        }

        await provider.Execute(AccountId, new RemoveParticipantCommand { CommandId = "remove", ConferenceId = conferenceId, CallId = dialed.CallId! });
        await Until(async () => (await member.Get()).Status == CallLegStatus.Disconnected && (await conference.Get()).Members.Count == 1);

        // Then the caller hangs up.
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/simulator/calls/{callerId}/hangup", null)).StatusCode);
        await Until(async () => (await caller.Get()).Status == CallLegStatus.Disconnected && (await conference.Get()).Status == ConferenceStatus.Completed);

        return ((await caller.Get()).History, (await member.Get()).History, (await conference.Get()).History);
    }

    private static ProviderKind Network(string format) => format == "Twilio" ? ProviderKind.Twilio : ProviderKind.Bandwidth;

    private static ApiFactory Api(string format) => new(new Dictionary<string, string?>
    {
        ["Telephony:PublicBaseUrl"] = "https://telephony.example.com",
        ["Telephony:Accounts:0:Id"] = AccountId,
        ["Telephony:Accounts:0:Provider"] = "Simulator",
        ["Telephony:Accounts:0:Simulator:Format"] = format,
        ["Telephony:Accounts:0:Simulator:AnswerDelayMs"] = "20",
        ["Telephony:Accounts:0:ApiKeys:0:Key"] = AdminKey,
        ["Telephony:Accounts:0:ApiKeys:0:Role"] = "Admin",
        ["Telephony:Accounts:0:ApiKeys:1:Key"] = "sim-agent-key",
        ["Telephony:Accounts:0:ApiKeys:1:Role"] = "User",
    });

    private static async Task Until(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the scenario did not reach the expected state within 30 s");
            await Task.Delay(10);
        }
    }
}
