using Telephony.GrainInterfaces.Calls;
using Telephony.Grains.Tests.Sessions;
using Telephony.Testing;

namespace Telephony.Grains.Tests.Calls;

/// <summary>Finished call legs and conferences leave memory, and what they stored still refuses late and repeated callbacks.</summary>
public sealed class CallLifetimeTests
{
    private const string CallSid = "CA00000000000000000000000000000042";
    private const string ConferenceSid = "CF00000000000000000000000000000042";

    [Fact]
    public async Task A_disconnected_leg_leaves_memory_and_still_refuses_late_and_repeated_callbacks()
    {
        await using var harness = await SessionHarness.StartAsync();
        var silo = harness.Cluster.Silos[0];
        await harness.CallbackAsync(CallSid, CallEventType.Ringing, "ringing");
        await harness.CallbackAsync(CallSid, CallEventType.Answered, "answered");
        var answered = silo.ActivationCount;

        await harness.CallbackAsync(CallSid, CallEventType.Disconnected, "completed", cause: DisconnectCause.Completed);
        await Eventually.Until(() => silo.ActivationCount == 1, "only the provider grain is left in memory");
        await harness.CallbackAsync(CallSid, CallEventType.Answered, "answered-late");
        await harness.CallbackAsync(CallSid, CallEventType.Disconnected, "completed", cause: DisconnectCause.Completed);
        await Eventually.Until(() => silo.ActivationCount == 1, "the leg left memory again after the late callbacks");
        var leg = await harness.Grains.GetGrain<ICallGrain>(CallKeys.Call(ProviderKind.Twilio, CallSid)).Get();

        Assert.Equal(2, answered);
        Assert.Equal((CallLegStatus.Disconnected, DisconnectCause.Completed), (leg.Status, leg.Cause));
        Assert.Equal([CallEventType.Ringing, CallEventType.Answered, CallEventType.Disconnected], leg.History);
    }

    [Fact]
    public async Task A_completed_conference_leaves_memory_and_stays_completed()
    {
        await using var harness = await SessionHarness.StartAsync();
        var silo = harness.Cluster.Silos[0];
        var conference = harness.Grains.GetGrain<IConferenceGrain>(CallKeys.Conference(ProviderKind.Twilio, SessionHarness.AccountId, "room-42"));
        await conference.Apply(ConferenceEvent(CallEventType.ConferenceCreated, 1));
        await conference.Apply(ConferenceEvent(CallEventType.ConferenceMemberJoined, 2, CallSid));
        var running = silo.ActivationCount;

        await conference.Apply(ConferenceEvent(CallEventType.ConferenceCompleted, 3));
        await Eventually.Until(() => silo.ActivationCount == 0, "the completed conference left memory");
        await conference.Apply(ConferenceEvent(CallEventType.ConferenceCreated, 4));
        await conference.Apply(ConferenceEvent(CallEventType.ConferenceCompleted, 3));
        await Eventually.Until(() => silo.ActivationCount == 0, "the conference left memory again after the late callbacks");
        var completed = await conference.Get();

        Assert.Equal(1, running);
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
