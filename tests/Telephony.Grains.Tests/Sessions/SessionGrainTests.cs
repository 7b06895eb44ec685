using System.Net;
using Telephony.GrainInterfaces.Calls;
using Telephony.GrainInterfaces.Routing;
using Telephony.GrainInterfaces.Sessions;
using Telephony.Providers;
using Telephony.Testing;
using static Telephony.Grains.Tests.Sessions.SessionHarness;

namespace Telephony.Grains.Tests.Sessions;

/// <summary>The session grain against callbacks that come late, twice or out of order, provider failures, and crashes.</summary>
public sealed class SessionGrainTests
{
    [Fact]
    public async Task A_member_answered_but_not_yet_in_the_conference_is_hung_up_when_removed_and_one_in_it_is_taken_out()
    {
        await using var harness = await StartAsync();
        var session = harness.Session("s1");
        await harness.ConnectedCallAsync("s1");
        var joining = Succeeded(await session.AddConferenceMember(Agent, new AddConferenceMember { Destination = "+15550002222" })).Members[^1].CallSid!;
        var joined = Succeeded(await session.AddConferenceMember(Agent, new AddConferenceMember { Destination = "+15550003333" })).Members[^1].CallSid!;
        await harness.CallbackAsync(joining, CallEventType.Answered, "answered");
        await harness.CallbackAsync(joined, CallEventType.Answered, "answered");
        await harness.CallbackAsync(joined, CallEventType.ConferenceMemberJoined, "joined", CallKeys.ConferenceOfSession("s1"));
        await harness.UntilAsync("s1", s => s.Members.Count(m => m.CallState == SessionMemberCallState.Connected) == 3, "both members answered");

        Succeeded(await session.RemoveConferenceMember(Agent, new RemoveConferenceMember { CallSid = joining }));
        Succeeded(await session.RemoveConferenceMember(Agent, new RemoveConferenceMember { CallSid = joined }));

        // Twilio: a hang-up is an update of the call to completed; taking a participant out is a DELETE of it.
        Assert.Contains(harness.Twilio.Requests, r => r.Method == HttpMethod.Post && r.Path == $"/Calls/{joining}.json" && r.Body.Contains("Status=completed", StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Twilio.Requests, r => r.Method == HttpMethod.Delete && r.Path.EndsWith($"/Participants/{joining}.json", StringComparison.Ordinal));
        Assert.Contains(harness.Twilio.Requests, r => r.Method == HttpMethod.Delete && r.Path.EndsWith($"/Participants/{joined}.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Leg_updates_out_of_order_or_twice_change_the_session_once_and_never_backwards()
    {
        await using var harness = await StartAsync();
        var session = harness.Session("s1");
        var started = Succeeded(await session.Start(Agent, new NewSession { Channel = FlowChannels.Voice, Destination = Customer }));
        var callSid = started.CallSid!;
        var answered = new CallLeg { AccountId = AccountId, CallId = callSid, Status = CallLegStatus.Answered, ConferenceName = CallKeys.ConferenceOfSession("s1"), ConferenceId = FakeTwilioApi.ConferenceSid };

        await session.ApplyCallLeg(new CallLegUpdate("s1", answered, 5));
        var connected = await harness.GetAsync("s1");
        await session.ApplyCallLeg(new CallLegUpdate("s1", answered with { Status = CallLegStatus.Ringing }, 3));
        await session.ApplyCallLeg(new CallLegUpdate("s1", answered, 5));
        var after = await harness.GetAsync("s1");

        Assert.Equal((SessionCallState.Connected, SessionMemberCallState.Connected, FakeTwilioApi.ConferenceSid), (connected.CallState, connected.Members[0].CallState, connected.ConferenceSid));
        Assert.Equal(connected.Log.Count, after.Log.Count);
        Assert.Equal(connected.DateLastModified, after.DateLastModified);
        Assert.Equal(SessionMemberCallState.Connected, after.Members[0].CallState);
    }

    [Fact]
    public async Task Callbacks_that_came_before_the_session_knew_its_leg_are_caught_up_on()
    {
        var twilio = new FakeTwilioApi { HoldBack = "/Participants.json" };
        await using var harness = await StartAsync(twilio: twilio);
        var starting = harness.Session("s1").Start(Agent, new NewSession { Channel = FlowChannels.Voice, Destination = Customer });
        await twilio.HeldBackArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // The provider reports the new leg before its answer to the dial reached the session.
        const string callSid = "CA00000000000000000000000000000001";
        await harness.CallbackAsync(callSid, CallEventType.Ringing, "ringing");
        await harness.CallbackAsync(callSid, CallEventType.Answered, "answered");
        twilio.Release();
        var started = Succeeded(await starting);

        Assert.Equal(callSid, started.CallSid);
        Assert.Equal((SessionCallState.Connected, SessionMemberCallState.Connected), (started.CallState, started.Members[0].CallState));
        Assert.Equal(SessionCallState.Connected, (await harness.UntilAsync("s1", s => s.Log.Any(l => l.Message == $"{Customer} connected"), "the answer is logged")).CallState);
    }

    [Fact]
    public async Task A_leg_belongs_to_one_session_and_a_foreign_update_is_ignored()
    {
        await using var harness = await StartAsync();
        var first = await harness.ConnectedCallAsync("s1");
        var callGrain = harness.Grains.GetGrain<ICallGrain>(CallKeys.Call(ProviderKind.Twilio, first.CallSid!));

        var stolen = await callGrain.Attach("s2");
        await harness.Session("s1").ApplyCallLeg(new CallLegUpdate("s1", new CallLeg { CallId = "CA-of-someone-else", Status = CallLegStatus.Disconnected }, 1));

        Assert.Null(stolen);
        Assert.Equal("s1", (await callGrain.Get()).SessionId);
        Assert.False((await harness.GetAsync("s1")).Ended);
    }

    [Fact]
    public async Task A_busy_destination_ends_the_outgoing_session_as_missed_with_the_cause_as_outcome()
    {
        await using var harness = await StartAsync();
        var started = Succeeded(await harness.Session("s1").Start(Agent, new NewSession { Channel = FlowChannels.Voice, Destination = Customer }));

        await harness.CallbackAsync(started.CallSid!, CallEventType.Disconnected, "busy", cause: DisconnectCause.Busy);
        var ended = await harness.UntilAsync("s1", s => s.Ended, "the session ended");

        Assert.Equal(("Busy", true, SessionCallState.Disconnected, SessionMemberCallState.None), (ended.Outcome, ended.WasMissed, ended.CallState, ended.Members[0].CallState));
        Assert.Contains(ended.Log, l => l.Message == $"{Customer} hung up (Busy)");
    }

    [Fact]
    public async Task A_provider_refusing_a_hold_is_409_logged_and_the_call_stays_connected()
    {
        await using var harness = await StartAsync();
        await harness.ConnectedCallAsync("s1");
        harness.Twilio.Fail = "/Participants/";

        var held = await harness.Session("s1").Hold(Agent, new HoldSession { SessionId = "s1" });
        var after = await harness.GetAsync("s1");

        Assert.Equal(RoutingOutcome.IllegalTransition, held.Outcome);
        Assert.Contains("could not be held", held.Error, StringComparison.Ordinal);
        Assert.Equal((SessionCallState.Connected, SessionMemberCallState.Connected, null), (after.CallState, after.Members[0].CallState, after.HeldByUserId));
        Assert.Contains(after.Log, l => l.Message!.Contains("could not be held", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_provider_outage_fails_the_request_and_leaves_no_command_pending()
    {
        await using var harness = await StartAsync();
        await harness.ConnectedCallAsync("s1");
        harness.Twilio.Fail = "/Participants/";
        harness.Twilio.FailureStatus = HttpStatusCode.ServiceUnavailable;

        await Assert.ThrowsAsync<ProviderException>(() => harness.Session("s1").Hold(Agent, new HoldSession { SessionId = "s1" }));
        harness.Twilio.Fail = null;
        var held = Succeeded(await harness.Session("s1").Hold(Agent, new HoldSession { SessionId = "s1" }));

        Assert.Equal(SessionCallState.Hold, held.CallState);
        Assert.Contains(held.Log, l => l.Message == "Changing hold of " + held.CallSid + " failed: the provider could not be reached.");
        Assert.Equal(2, harness.Twilio.Requests.Count(r => r.Path.Contains("/Participants/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_hold_interrupted_by_a_crash_is_resent_and_recorded_when_the_session_comes_back()
    {
        using var store = new TemporarySqliteFile();
        var time = new ManualTimeProvider();
        var twilio = new FakeTwilioApi();
        string callSid;
        await using (var before = await StartAsync(store, time, twilio))
        {
            callSid = (await before.ConnectedCallAsync("s1")).CallSid!;
            twilio.HoldBack = "/Participants/";
            _ = before.Session("s1").Hold(Agent, new HoldSession { SessionId = "s1" });
            await twilio.HeldBackArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await before.Cluster.KillSiloAsync();
        }

        var afterTwilio = new FakeTwilioApi();
        await using var after = await StartAsync(store, time, afterTwilio);
        var session = await after.GetAsync("s1");

        var resent = Assert.Single(afterTwilio.Requests);
        Assert.Equal($"/Conferences/{FakeTwilioApi.ConferenceSid}/Participants/{callSid}.json", resent.Path);
        Assert.Equal("Hold=true", resent.Body);
        Assert.Equal((SessionCallState.Hold, SessionMemberCallState.Hold), (session.CallState, session.Members[0].CallState));
        Assert.Equal($"{Customer} put on hold", session.Log[^1].Message);
    }

    [Fact]
    public async Task A_dial_interrupted_by_a_crash_is_reported_not_repeated_and_the_session_fails()
    {
        using var store = new TemporarySqliteFile();
        var time = new ManualTimeProvider();
        var twilio = new FakeTwilioApi { HoldBack = "/Participants.json" };
        await using (var before = await StartAsync(store, time, twilio))
        {
            _ = before.Session("s1").Start(Agent, new NewSession { Channel = FlowChannels.Voice, Destination = Customer });
            await twilio.HeldBackArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await before.Cluster.KillSiloAsync();
        }

        var afterTwilio = new FakeTwilioApi();
        await using var after = await StartAsync(store, time, afterTwilio);
        var session = await after.GetAsync("s1");

        Assert.Empty(afterTwilio.Requests);
        Assert.Equal((true, "Failed"), (session.Ended, session.Outcome));
        Assert.Contains(session.Log, l => l.Message == $"The call to {Customer} may not have reached the provider (interrupted by a restart).");
    }
}
