using Orleans.Runtime;
using Telephony.GrainInterfaces.Calls;
using Telephony.GrainInterfaces.Sessions;
using Telephony.Grains.Tests.Sessions;
using Telephony.Testing;
using static Telephony.Grains.Tests.Sessions.SessionHarness;

namespace Telephony.Grains.Tests.Calls;

/// <summary>
/// A callback is acknowledged only once every grain it changes has stored the change: when a write fails the callback
/// fails, nothing half-applied stays in memory, and the provider's redelivery has exactly one effect.
/// </summary>
public sealed class AcknowledgedCallbackTests
{
    [Fact]
    public async Task A_hangup_whose_session_write_fails_is_refused_and_its_redelivery_ends_the_session_exactly_once()
    {
        FaultyGrainStorage? storage = null;
        await using var harness = await StartAsync(services: s => s.WrapDefaultGrainStorage(created => storage = created));
        var callSid = (await harness.ConnectedCallAsync("s1")).CallSid!;
        storage!.FailNextWrite((state, grain) => state == "session" && grain.Key.ToString() == "s1");

        await Assert.ThrowsAnyAsync<Exception>(() => HangUpAsync(harness, callSid));
        var afterFailure = await harness.GetAsync("s1");
        var legAfterFailure = await Leg(harness, callSid).Get();
        await HangUpAsync(harness, callSid);
        var ended = await harness.GetAsync("s1");
        var leg = await Leg(harness, callSid).Get();

        Assert.Equal(1, storage.Failed);
        Assert.Equal((false, SessionCallState.Connected), (afterFailure.Ended, afterFailure.CallState));
        Assert.Equal(CallLegStatus.Answered, legAfterFailure.Status);
        Assert.Equal((true, "Completed"), (ended.Ended, ended.Outcome));
        Assert.Single(ended.Log, l => l.Message == $"{Customer} hung up");
        Assert.Single(ended.Log, l => l.Message == "Call ended (Completed)");
        Assert.Single(leg.History, e => e == CallEventType.Disconnected);
    }

    [Fact]
    public async Task A_hangup_whose_leg_write_fails_after_the_session_stored_it_is_refused_and_its_redelivery_changes_the_session_no_further()
    {
        FaultyGrainStorage? storage = null;
        await using var harness = await StartAsync(services: s => s.WrapDefaultGrainStorage(created => storage = created));
        var callSid = (await harness.ConnectedCallAsync("s1")).CallSid!;
        storage!.FailNextWrite((state, grain) => state == "call" && grain.Key.ToString().EndsWith(callSid, StringComparison.Ordinal));

        await Assert.ThrowsAnyAsync<Exception>(() => HangUpAsync(harness, callSid));
        var endedByTheFailedCallback = await harness.GetAsync("s1");
        var legAfterFailure = await Leg(harness, callSid).Get();
        await HangUpAsync(harness, callSid);
        var ended = await harness.GetAsync("s1");
        var leg = await Leg(harness, callSid).Get();

        Assert.Equal(1, storage.Failed);
        Assert.True(endedByTheFailedCallback.Ended);
        Assert.Equal(CallLegStatus.Answered, legAfterFailure.Status);
        Assert.Equal(endedByTheFailedCallback.Log, ended.Log);
        Assert.Single(ended.Log, l => l.Message == "Call ended (Completed)");
        Assert.Equal(CallLegStatus.Disconnected, leg.Status);
        Assert.Single(leg.History, e => e == CallEventType.Disconnected);
    }

    [Fact]
    public async Task A_later_event_of_a_leg_whose_write_failed_after_the_session_stored_the_earlier_one_still_reaches_the_session()
    {
        FaultyGrainStorage? storage = null;
        await using var harness = await StartAsync(services: s => s.WrapDefaultGrainStorage(created => storage = created));
        var callSid = (await harness.ConnectedCallAsync("s1")).CallSid!;
        storage!.FailNextWrite((state, grain) => state == "call" && grain.Key.ToString().EndsWith(callSid, StringComparison.Ordinal));

        // The mute reaches the session, then the leg's own write fails and the provider never sends it again;
        // the reloaded leg makes the hang-up the version the session already took for the mute.
        await Assert.ThrowsAnyAsync<Exception>(() => harness.CallbackAsync(callSid, CallEventType.Mute, "muted"));
        await HangUpAsync(harness, callSid);
        var ended = await harness.GetAsync("s1");

        Assert.Equal((true, "Completed"), (ended.Ended, ended.Outcome));
        Assert.Single(ended.Log, l => l.Message == $"{Customer} is muted");
        Assert.Single(ended.Log, l => l.Message == "Call ended (Completed)");
    }

    [Fact]
    public async Task An_inbound_call_whose_first_callback_failed_after_starting_its_session_joins_that_session_when_redelivered()
    {
        FaultyGrainStorage? storage = null;
        await using var harness = await StartAsync(services: s => s.WrapDefaultGrainStorage(created => storage = created));
        const string CallSid = "CA000000000000000000000000000000c1";
        storage!.FailNextWrite((state, _) => state == "call");

        await Assert.ThrowsAnyAsync<Exception>(() => ArriveAsync(harness, CallSid));
        await ArriveAsync(harness, CallSid);
        var leg = await Leg(harness, CallSid).Get();
        var session = await harness.GetAsync(leg.SessionId!);

        Assert.Equal(1, storage.Failed);
        Assert.Equal(CallSid, session.CallSid);
        Assert.Single(session.Log, l => l.Message!.StartsWith("Incoming call from", StringComparison.Ordinal));
    }

    private static ICallGrain Leg(SessionHarness harness, string callSid) => harness.Grains.GetGrain<ICallGrain>(CallKeys.Call(ProviderKind.Twilio, callSid));

    private static Task HangUpAsync(SessionHarness harness, string callSid) =>
        harness.CallbackAsync(callSid, CallEventType.Disconnected, "completed", cause: DisconnectCause.Completed);

    private static Task ArriveAsync(SessionHarness harness, string callSid) =>
        harness.Grains.GetGrain<IProviderGrain>(CallKeys.Provider(ProviderKind.Twilio)).Dispatch(new CallEvent
        {
            Provider = ProviderKind.Twilio,
            AccountId = AccountId,
            Type = CallEventType.Initiated,
            ProviderEventType = "ringing",
            EventId = $"{callSid}:arrived",
            EventTime = DateTimeOffset.UnixEpoch,
            ProviderCallId = callSid,
            From = Customer,
            To = CallerId,
            Direction = CallDirection.Inbound,
        });
}
