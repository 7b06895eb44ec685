using Telephony.GrainInterfaces.Calls;
using Telephony.Providers.Simulator;

namespace Telephony.Providers.Tests.Simulator;

/// <summary>Inbound calls into conferences through the simulator, in both wire formats.</summary>
public sealed class SimulatorConferenceTests
{
    private const string Caller = "+14155550111";
    private const string Agent = "+14155550122";
    private const string Room = "session-42";

    [Fact]
    public async Task Conference_with_hold_and_a_member_leaving_ends_in_the_same_normalized_sequence_in_both_formats()
    {
        var twilio = await ConferenceScenarioAsync(SimulatorFormat.Twilio);
        var bandwidth = await ConferenceScenarioAsync(SimulatorFormat.Bandwidth);

        Assert.Equal(
            [
                "caller Initiated", "caller ConferenceMemberJoined",
                "agent Initiated", "agent Ringing", "agent Answered", "agent ConferenceMemberJoined",
                // A Twilio conference starts when its second participant joins.
                "conference ConferenceCreated",
                "caller Hold", "caller Unhold",
                "caller ConferenceMemberLeft", "caller Disconnected",
                "agent ConferenceMemberLeft", "conference ConferenceCompleted", "agent Disconnected",
            ],
            twilio.Timeline);
        Assert.Equal(
            [
                // A Bandwidth conference starts with its first member.
                "caller Initiated", "conference ConferenceCreated", "caller ConferenceMemberJoined",
                "agent Answered", "agent ConferenceMemberJoined",
                "caller ConferenceMemberLeft", "caller Disconnected",
                "agent ConferenceMemberLeft", "conference ConferenceCompleted", "agent Disconnected",
            ],
            bandwidth.Timeline);

        // Bandwidth reports neither an outbound leg's initiation and ringing nor holds; otherwise each leg and the
        // conference go through the same events in the same order.
        var twilioOnly = new[] { CallEventType.Initiated, CallEventType.Ringing, CallEventType.Hold, CallEventType.Unhold };
        Assert.Equal(bandwidth.Caller, twilio.Caller.Where(t => t is not (CallEventType.Hold or CallEventType.Unhold)));
        Assert.Equal(bandwidth.Agent, twilio.Agent.Where(t => !twilioOnly.Contains(t)));
        Assert.Equal(bandwidth.Conference, twilio.Conference);
        Assert.Equal([CallEventType.ConferenceCreated, CallEventType.ConferenceCompleted], bandwidth.Conference);
    }

    private static async Task<ScenarioResult> ConferenceScenarioAsync(SimulatorFormat format)
    {
        await using var harness = await SimulatorHarness.StartAsync(format);
        harness.Service.VoiceAnswer = e => e is { Type: CallEventType.Initiated, Direction: CallDirection.Inbound }
            ? [new JoinConferenceInstruction(Room)]
            : [];

        var callerId = await harness.Network.PlaceIncomingCallAsync(Caller, SimulatorHarness.OurNumber, CancellationToken.None);
        await harness.SettleAsync();
        var conferenceId = Assert.Single(harness.Network.Conferences).ConferenceId;
        Assert.Equal(conferenceId, harness.Call(callerId).ConferenceId);

        var dialed = await harness.RunAsync(new DialCommand
        {
            CommandId = harness.NextCommandId(),
            From = SimulatorHarness.OurNumber,
            To = Agent,
            ConferenceName = Room,
        });
        var agentId = dialed.CallId!;
        // Twilio's participant API names the conference at once; Bandwidth's createCall does not.
        Assert.Equal(format == SimulatorFormat.Twilio ? conferenceId : null, dialed.ConferenceId);
        await harness.AdvanceAsync(SimulatorHarness.AnswerDelay);
        Assert.Equal([callerId, agentId], Assert.Single(harness.Network.Conferences).Participants.Select(p => p.CallId));

        await harness.RunAsync(new UpdateParticipantCommand { CommandId = harness.NextCommandId(), ConferenceId = conferenceId, CallId = callerId, Hold = true });
        Assert.True(Assert.Single(harness.Network.Conferences).Participants[0].Hold);
        await harness.RunAsync(new UpdateParticipantCommand { CommandId = harness.NextCommandId(), ConferenceId = conferenceId, CallId = callerId, Hold = false });

        await harness.Network.HangupFarEndAsync(callerId, CancellationToken.None);
        await harness.SettleAsync();
        Assert.Equal([agentId], Assert.Single(harness.Network.Conferences).Participants.Select(p => p.CallId));

        await harness.RunAsync(new EndConferenceCommand { CommandId = harness.NextCommandId(), ConferenceId = conferenceId });

        var conference = Assert.Single(harness.Network.Conferences);
        Assert.True(conference.Ended);
        Assert.Empty(conference.Participants);
        Assert.All(harness.Network.Calls, c => Assert.Equal(DisconnectCause.Completed, c.Cause));
        harness.AssertEveryCallbackAuthentic();

        var events = harness.Service.Events;
        Assert.All(events.Where(e => e.ConferenceId is not null), e => Assert.Equal((conferenceId, Room), (e.ConferenceId, e.ConferenceName)));
        string Subject(CallEvent e) => e.ProviderCallId == callerId ? "caller" : e.ProviderCallId == agentId ? "agent" : "conference";
        return new ScenarioResult(
            [.. Normalized.Events(events).Select(e => $"{Subject(e)} {e.Type}")],
            Normalized.Types(events.Where(e => Subject(e) == "caller")),
            Normalized.Types(events.Where(e => Subject(e) == "agent")),
            Normalized.Types(events.Where(e => Subject(e) == "conference")));
    }

    /// <summary>What one run of the scenario produced.</summary>
    private sealed record ScenarioResult(
        IReadOnlyList<string> Timeline,
        IReadOnlyList<CallEventType> Caller,
        IReadOnlyList<CallEventType> Agent,
        IReadOnlyList<CallEventType> Conference);
}
