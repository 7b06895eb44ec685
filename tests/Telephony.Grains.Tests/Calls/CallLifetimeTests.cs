using Telephony.GrainInterfaces.Calls;
using Telephony.Grains.Tests.Sessions;
using Telephony.Testing;

namespace Telephony.Grains.Tests.Calls;

/// <summary>Call legs and conferences leave memory when they finish, and what they stored still refuses late and repeated callbacks.</summary>
public sealed class CallLifetimeTests
{
    private const string CallSid = "CA00000000000000000000000000000042";
    private const string ConferenceSid = "CF00000000000000000000000000000042";

    [Fact]
    public async Task A_leg_leaves_memory_when_it_disconnects_and_still_refuses_late_and_repeated_callbacks()
    {
        await using var harness = await SessionHarness.StartAsync();
        var call = harness.Grains.GetGrain<ICallGrain>(CallKeys.Call(ProviderKind.Twilio, CallSid));
        await harness.CallbackAsync(CallSid, CallEventType.Ringing, "ringing");
        await harness.CallbackAsync(CallSid, CallEventType.Answered, "answered");
        var activeWhileAnswered = harness.Cluster.IsActive(call);

        await harness.CallbackAsync(CallSid, CallEventType.Disconnected, "completed", cause: DisconnectCause.Completed);
        await Eventually.Until(() => !harness.Cluster.IsActive(call), "the finished leg left memory");
        await harness.CallbackAsync(CallSid, CallEventType.Answered, "answered-late");
        await harness.CallbackAsync(CallSid, CallEventType.Disconnected, "completed", cause: DisconnectCause.Completed);
        var leg = await call.Get();

        Assert.True(activeWhileAnswered);
        Assert.Equal((CallLegStatus.Disconnected, DisconnectCause.Completed), (leg.Status, leg.Cause));
        Assert.Equal([CallEventType.Ringing, CallEventType.Answered, CallEventType.Disconnected], leg.History);
    }

    [Fact]
    public async Task Callbacks_queued_behind_the_one_that_finishes_a_leg_are_all_taken_by_its_next_activation()
    {
        await using var harness = await SessionHarness.StartAsync();
        await harness.CallbackAsync(CallSid, CallEventType.Answered, "answered");

        var finishing = harness.CallbackAsync(CallSid, CallEventType.Disconnected, "completed", cause: DisconnectCause.Completed);
        var late = Enumerable.Range(0, 20).Select(i => harness.CallbackAsync(CallSid, i % 2 == 0 ? CallEventType.Ringing : CallEventType.Answered, $"late-{i}"));
        await Task.WhenAll(late.Prepend(finishing));
        var leg = await harness.Grains.GetGrain<ICallGrain>(CallKeys.Call(ProviderKind.Twilio, CallSid)).Get();

        Assert.Equal(CallLegStatus.Disconnected, leg.Status);
        Assert.Single(leg.History, e => e == CallEventType.Disconnected);
    }

    [Fact]
    public async Task Another_accounts_callback_naming_a_leg_changes_nothing_and_is_told_nothing()
    {
        await using var harness = await SessionHarness.StartAsync();
        var call = harness.Grains.GetGrain<ICallGrain>(CallKeys.Call(ProviderKind.Twilio, CallSid));
        await harness.CallbackAsync(CallSid, CallEventType.Answered, "answered");
        var before = await call.Get();

        var instructions = await call.Apply(new CallEvent
        {
            Provider = ProviderKind.Twilio,
            AccountId = "another-account",
            Type = CallEventType.Disconnected,
            ProviderEventType = "completed",
            EventId = $"{CallSid}:forged",
            EventTime = DateTimeOffset.UnixEpoch,
            ProviderCallId = CallSid,
            Cause = DisconnectCause.Completed,
        });
        var after = await call.Get();

        Assert.Empty(instructions);
        Assert.Equal((CallLegStatus.Answered, SessionHarness.AccountId), (after.Status, after.AccountId));
        Assert.Equal(before.History, after.History);
    }

    [Fact]
    public async Task A_completed_conference_leaves_memory_and_stays_completed()
    {
        await using var harness = await SessionHarness.StartAsync();
        var conference = harness.Grains.GetGrain<IConferenceGrain>(CallKeys.Conference(ProviderKind.Twilio, SessionHarness.AccountId, "room-42"));
        await conference.Apply(ConferenceEvent(CallEventType.ConferenceCreated, 1));
        await conference.Apply(ConferenceEvent(CallEventType.ConferenceMemberJoined, 2, CallSid));
        var activeWhileRunning = harness.Cluster.IsActive(conference);

        await conference.Apply(ConferenceEvent(CallEventType.ConferenceCompleted, 3));
        await Eventually.Until(() => !harness.Cluster.IsActive(conference), "the completed conference left memory");
        await conference.Apply(ConferenceEvent(CallEventType.ConferenceCreated, 4));
        await conference.Apply(ConferenceEvent(CallEventType.ConferenceCompleted, 3));
        var completed = await conference.Get();

        Assert.True(activeWhileRunning);
        Assert.Equal(ConferenceStatus.Completed, completed.Status);
        Assert.Empty(completed.Members);
        Assert.Equal([CallEventType.ConferenceCreated, CallEventType.ConferenceMemberJoined, CallEventType.ConferenceCompleted], completed.History);
    }

    private static CallEvent ConferenceEvent(CallEventType type, long sequence, string? callSid = null) => new()
    {
        Provider = ProviderKind.Twilio,
        AccountId = SessionHarness.AccountId,
        Type = type,
        ProviderEventType = type.ToString(),
        EventId = $"{ConferenceSid}:{sequence}",
        EventTime = DateTimeOffset.UnixEpoch.AddSeconds(sequence),
        Sequence = sequence,
        ProviderCallId = callSid,
        ConferenceId = ConferenceSid,
        ConferenceName = "room-42",
    };
}
