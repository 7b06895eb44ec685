using System.Net;
using Telephony.GrainInterfaces.Calls;
using Telephony.Providers.Simulator;

namespace Telephony.Providers.Tests.Simulator;

/// <summary>Call-control commands and far-end actions on the simulator, in both wire formats.</summary>
public sealed class SimulatorCommandTests
{
    private const string Caller = "+14155550111";
    private const string Transferee = "+14155550133";
    private const string Announcement = "Please hold while we connect your call to someone who can help.";

    [Theory]
    [InlineData(SimulatorFormat.Twilio, "completed")]
    [InlineData(SimulatorFormat.Bandwidth, "disconnect")]
    public async Task The_far_end_hanging_up_an_answered_inbound_call_completes_it(SimulatorFormat format, string terminalEvent)
    {
        await using var harness = await SimulatorHarness.StartAsync(format);
        harness.Service.VoiceAnswer = _ => [new SayInstruction(Announcement)];
        var callId = await harness.Network.PlaceIncomingCallAsync(Caller, SimulatorHarness.OurNumber, CancellationToken.None);
        await harness.SettleAsync();
        Assert.Equal(SimulatedCallStatus.Answered, harness.Call(callId).Status);

        await harness.Network.HangupFarEndAsync(callId, CancellationToken.None);
        await harness.SettleAsync();

        var events = harness.EventsOf(callId);
        Assert.Equal([CallEventType.Initiated, CallEventType.Disconnected], events.Select(e => e.Type));
        Assert.Equal(terminalEvent, events[^1].ProviderEventType);
        Assert.Equal(DisconnectCause.Completed, events[^1].Cause);
        Assert.All(events, e => Assert.Equal(CallDirection.Inbound, e.Direction));
        Assert.Equal((Caller, SimulatorHarness.OurNumber), (events[0].From, events[0].To));
        harness.AssertEveryCallbackAuthentic();
    }

    [Theory]
    [InlineData(SimulatorFormat.Twilio, DisconnectCause.Busy)]
    [InlineData(SimulatorFormat.Bandwidth, DisconnectCause.Rejected)]
    public async Task The_far_end_declining_a_ringing_call_rejects_it_as_the_provider_reports_it(SimulatorFormat format, DisconnectCause expected)
    {
        await using var harness = await SimulatorHarness.StartAsync(format);
        var callId = (await harness.RunAsync(Dial(harness, "+14155550122"))).CallId!;

        await harness.Network.HangupFarEndAsync(callId, CancellationToken.None);
        await harness.SettleAsync();

        // Twilio has no "rejected" status: a declined call ends busy.
        Assert.Equal(DisconnectCause.Rejected, harness.Call(callId).Cause);
        Assert.Equal(expected, harness.EventsOf(callId)[^1].Cause);
    }

    [Theory]
    [InlineData(SimulatorFormat.Twilio)]
    [InlineData(SimulatorFormat.Bandwidth)]
    public async Task Sending_a_message_records_it_and_calls_nobody(SimulatorFormat format)
    {
        await using var harness = await SimulatorHarness.StartAsync(format);
        var command = new SendMessageCommand { CommandId = "msg-1", From = SimulatorHarness.OurNumber, To = Caller, Text = "Join the chat: https://chat.example.test/s/1" };

        var result = await harness.RunAsync(command);

        Assert.Equal(new CommandResult(), result);
        var message = Assert.Single(harness.Network.Messages);
        Assert.Equal(("msg-1", SimulatorHarness.OurNumber, Caller, command.Text), (message.CommandId, message.From, message.To, message.Text));
        Assert.Equal(harness.Clock.GetUtcNow(), message.SentAt);
        Assert.Empty(harness.Network.Callbacks);
    }

    [Theory]
    [InlineData(SimulatorFormat.Twilio)]
    [InlineData(SimulatorFormat.Bandwidth)]
    public async Task A_redirect_takes_the_leg_out_of_its_conference_and_transfers_it(SimulatorFormat format)
    {
        await using var harness = await SimulatorHarness.StartAsync(format);
        harness.Service.VoiceAnswer = e => e is { Type: CallEventType.Initiated, Direction: CallDirection.Inbound }
            ? [new JoinConferenceInstruction("queue")]
            : [];
        var callerId = await harness.Network.PlaceIncomingCallAsync(Caller, SimulatorHarness.OurNumber, CancellationToken.None);
        await harness.SettleAsync();

        await harness.RunAsync(new RedirectCommand { CommandId = harness.NextCommandId(), CallId = callerId, Destination = Transferee });
        Assert.Equal(SimulatedCallActivity.Dialing, harness.Call(callerId).Activity);
        await harness.AdvanceAsync(SimulatorHarness.AnswerDelay);

        var transferee = Assert.Single(harness.Network.Calls, c => c.ParentCallId == callerId);
        Assert.Equal((Caller, Transferee, CallDirection.Outbound), (transferee.From, transferee.To, transferee.Direction));
        Assert.Equal(SimulatedCallActivity.Bridged, harness.Call(callerId).Activity);
        Assert.True(Assert.Single(harness.Network.Conferences).Ended);

        // The transferee hangs up; the caller has nothing left to do and is hung up too.
        await harness.Network.HangupFarEndAsync(transferee.CallId, CancellationToken.None);
        await harness.SettleAsync();

        Assert.All(harness.Network.Calls, c => Assert.Equal(DisconnectCause.Completed, c.Cause));
        var callerEvents = harness.EventsOf(callerId).Select(e => e.Type);
        var transfereeEvents = harness.EventsOf(transferee.CallId).Select(e => e.Type);
        if (format == SimulatorFormat.Twilio)
        {
            // TwiML's <Number> without statusCallback reports nothing about the dialled leg.
            Assert.Equal(
                [CallEventType.Initiated, CallEventType.ConferenceMemberJoined, CallEventType.ConferenceMemberLeft, CallEventType.Disconnected],
                callerEvents);
            Assert.Empty(transfereeEvents);
        }
        else
        {
            Assert.Equal(
                [
                    CallEventType.Initiated, CallEventType.ConferenceMemberJoined, CallEventType.ConferenceMemberLeft,
                    CallEventType.Redirected, CallEventType.TransferCompleted, CallEventType.Disconnected,
                ],
                callerEvents);
            Assert.Equal([CallEventType.TransferAnswered, CallEventType.TransferDisconnected], transfereeEvents);
            Assert.Equal(callerId, harness.EventsOf(transferee.CallId)[^1].ParentCallId);
        }

        harness.AssertEveryCallbackAuthentic();
    }

    [Theory]
    [InlineData(SimulatorFormat.Twilio)]
    [InlineData(SimulatorFormat.Bandwidth)]
    public async Task A_leg_moved_into_a_conference_and_removed_from_it_hangs_up(SimulatorFormat format)
    {
        await using var harness = await SimulatorHarness.StartAsync(format);
        harness.Service.VoiceAnswer = _ => [new SayInstruction(Announcement)];
        var callId = (await harness.RunAsync(Dial(harness, "+14155550122"))).CallId!;
        await harness.AdvanceAsync(SimulatorHarness.AnswerDelay);

        await harness.RunAsync(new MoveToConferenceCommand { CommandId = harness.NextCommandId(), CallId = callId, ConferenceName = "moved" });
        var conferenceId = harness.Call(callId).ConferenceId!;
        Assert.Equal(SimulatedCallActivity.InConference, harness.Call(callId).Activity);
        await harness.RunAsync(new RemoveParticipantCommand { CommandId = harness.NextCommandId(), ConferenceId = conferenceId, CallId = callId });

        Assert.Equal(DisconnectCause.Completed, harness.Call(callId).Cause);
        Assert.Equal(
            [CallEventType.ConferenceMemberJoined, CallEventType.ConferenceMemberLeft, CallEventType.Disconnected],
            harness.EventsOf(callId).Select(e => e.Type).TakeLast(3));
        Assert.All(harness.EventsOf(callId).Where(e => e.ConferenceId is not null), e => Assert.Equal(conferenceId, e.ConferenceId));
        harness.AssertEveryCallbackAuthentic();
    }

    [Theory]
    [InlineData(SimulatorFormat.Twilio, "status:failed")]
    [InlineData(SimulatorFormat.Bandwidth, "disconnect")]
    public async Task Markup_the_provider_cannot_run_fails_the_call(SimulatorFormat format, string terminalCallback)
    {
        await using var harness = await SimulatorHarness.StartAsync(format);
        harness.Service.MarkupAnswer = _ => "this is not markup";

        var callId = await harness.Network.PlaceIncomingCallAsync(Caller, SimulatorHarness.OurNumber, CancellationToken.None);
        await harness.SettleAsync();

        Assert.Equal(DisconnectCause.Failed, harness.Call(callId).Cause);
        Assert.Equal(terminalCallback, harness.Network.Callbacks[^1].EventName);
        Assert.Equal(DisconnectCause.Failed, harness.EventsOf(callId)[^1].Cause);
    }

    [Fact]
    public async Task Commands_on_unknown_legs_and_conferences_are_refused_as_not_found()
    {
        await using var harness = await SimulatorHarness.StartAsync(SimulatorFormat.Twilio);

        var hangup = await Assert.ThrowsAsync<ProviderException>(() =>
            harness.Provider.ExecuteAsync(new HangupCommand { CommandId = "c1", CallId = "CA0" }, CancellationToken.None));
        var hold = await Assert.ThrowsAsync<ProviderException>(() =>
            harness.Provider.ExecuteAsync(new UpdateParticipantCommand { CommandId = "c2", ConferenceId = "CF0", CallId = "CA0", Hold = true }, CancellationToken.None));
        var farEnd = await Assert.ThrowsAsync<ProviderException>(() => harness.Network.HangupFarEndAsync("CA0", CancellationToken.None));

        Assert.All([hangup, hold, farEnd], e => Assert.Equal((HttpStatusCode.NotFound, false), (e.StatusCode, e.IsTransient)));
    }

    [Fact]
    public async Task A_ringing_leg_cannot_be_redirected()
    {
        await using var harness = await SimulatorHarness.StartAsync(SimulatorFormat.Bandwidth);
        var callId = (await harness.RunAsync(Dial(harness, "+14155550122"))).CallId!;

        var refused = await Assert.ThrowsAsync<ProviderException>(() =>
            harness.Provider.ExecuteAsync(new RedirectCommand { CommandId = "c1", CallId = callId, Destination = Transferee }, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
    }

    private static DialCommand Dial(SimulatorHarness harness, string to) =>
        new() { CommandId = harness.NextCommandId(), From = SimulatorHarness.OurNumber, To = to };
}
