using Telephony.GrainInterfaces.Calls;
using Telephony.Providers.Simulator;

namespace Telephony.Providers.Tests.Simulator;

/// <summary>Outgoing calls through the simulator: answer, hang-up, busy and no-answer, in both wire formats.</summary>
public sealed class SimulatorOutgoingCallTests
{
    private const string Customer = "+14155550123";
    private const string Greeting = "Hello, this is the simulator test calling.";

    [Fact]
    public async Task Answered_then_hung_up_ends_in_the_same_normalized_sequence_in_both_formats()
    {
        var twilio = await AnsweredThenHungUpAsync(SimulatorFormat.Twilio);
        var bandwidth = await AnsweredThenHungUpAsync(SimulatorFormat.Bandwidth);

        // Twilio: status callbacks for initiated, ringing, answered and completed, plus the voice webhook on answer.
        Assert.Equal(["initiated", "ringing", "in-progress", "in-progress", "completed"], twilio.Select(e => e.ProviderEventType));
        Assert.Equal(
            [CallEventType.Initiated, CallEventType.Ringing, CallEventType.Answered, CallEventType.Disconnected],
            Normalized.Types(twilio));
        // Status callbacks are numbered per call from 0; the voice webhook carries no number.
        Assert.Equal([0L, 1L, 2L, null, 3L], twilio.Select(e => e.Sequence));
        // Bandwidth: only the answer webhook and the disconnect.
        Assert.Equal(["answer", "disconnect"], bandwidth.Select(e => e.ProviderEventType));
        Assert.Equal([CallEventType.Answered, CallEventType.Disconnected], Normalized.Types(bandwidth));

        // Bandwidth sends no callback for an outbound leg's initiation or ringing; the rest is the same.
        Assert.Equal(
            Normalized.Types(bandwidth),
            Normalized.Types(twilio, CallEventType.Initiated, CallEventType.Ringing));
        Assert.All([twilio[^1], bandwidth[^1]], e => Assert.Equal(DisconnectCause.Completed, e.Cause));
        Assert.All(twilio.Concat(bandwidth), e => Assert.Equal(CallDirection.Outbound, e.Direction));
    }

    private static async Task<IReadOnlyList<CallEvent>> AnsweredThenHungUpAsync(SimulatorFormat format)
    {
        await using var harness = await SimulatorHarness.StartAsync(format);
        harness.Service.VoiceAnswer = _ => [new SayInstruction(Greeting)];

        var dialed = await harness.RunAsync(Dial(harness, Customer));
        var callId = Assert.IsType<string>(dialed.CallId);
        Assert.Matches(format == SimulatorFormat.Twilio ? "^CA[0-9a-f]{32}$" : "^c-[0-9a-f]{8}-[0-9a-f-]{36}$", callId);
        Assert.Equal(SimulatedCallStatus.Ringing, harness.Call(callId).Status);

        await harness.AdvanceAsync(SimulatorHarness.AnswerDelay);
        var answered = harness.Call(callId);
        Assert.Equal(SimulatedCallStatus.Answered, answered.Status);
        Assert.Equal(SimulatedCallActivity.Speaking, answered.Activity);
        Assert.Equal([Greeting], answered.Spoken);

        await harness.RunAsync(new HangupCommand { CommandId = harness.NextCommandId(), CallId = callId });
        Assert.Equal(DisconnectCause.Completed, harness.Call(callId).Cause);
        harness.AssertEveryCallbackAuthentic();
        return harness.EventsOf(callId);
    }

    [Theory]
    [InlineData(SimulatorFormat.Twilio, "busy")]
    [InlineData(SimulatorFormat.Bandwidth, "disconnect")]
    public async Task A_busy_number_disconnects_busy_without_answering(SimulatorFormat format, string terminalEvent)
    {
        await using var harness = await SimulatorHarness.StartAsync(format);

        var callId = (await harness.RunAsync(Dial(harness, "+14155550000"))).CallId!;
        await harness.AdvanceAsync(SimulatorHarness.AnswerDelay);

        var last = Assert.Single(harness.EventsOf(callId), e => e.Type == CallEventType.Disconnected);
        Assert.Equal(terminalEvent, last.ProviderEventType);
        Assert.Equal(DisconnectCause.Busy, last.Cause);
        Assert.DoesNotContain(harness.EventsOf(callId), e => e.Type == CallEventType.Answered);
        Assert.Equal(DisconnectCause.Busy, harness.Call(callId).Cause);
        harness.AssertEveryCallbackAuthentic();
    }

    [Theory]
    [InlineData(SimulatorFormat.Twilio, "no-answer")]
    [InlineData(SimulatorFormat.Bandwidth, "disconnect")]
    public async Task An_unanswered_number_rings_until_the_dial_times_out(SimulatorFormat format, string terminalEvent)
    {
        await using var harness = await SimulatorHarness.StartAsync(format);

        var dial = Dial(harness, "+14155559999") with { TimeoutSeconds = 20 };
        var callId = (await harness.RunAsync(dial)).CallId!;
        await harness.AdvanceAsync(TimeSpan.FromSeconds(19));
        Assert.Equal(SimulatedCallStatus.Ringing, harness.Call(callId).Status);
        Assert.DoesNotContain(harness.EventsOf(callId), e => e.Type == CallEventType.Disconnected);

        await harness.AdvanceAsync(TimeSpan.FromSeconds(1));

        var last = harness.EventsOf(callId)[^1];
        Assert.Equal(terminalEvent, last.ProviderEventType);
        Assert.Equal(DisconnectCause.NoAnswer, last.Cause);
        harness.AssertEveryCallbackAuthentic();
    }

    [Theory]
    [InlineData(SimulatorFormat.Twilio)]
    [InlineData(SimulatorFormat.Bandwidth)]
    public async Task Hanging_up_a_ringing_call_cancels_it(SimulatorFormat format)
    {
        await using var harness = await SimulatorHarness.StartAsync(format);
        var callId = (await harness.RunAsync(Dial(harness, Customer))).CallId!;

        await harness.RunAsync(new HangupCommand { CommandId = harness.NextCommandId(), CallId = callId });
        await harness.AdvanceAsync(SimulatorHarness.AnswerDelay);

        var events = harness.EventsOf(callId);
        Assert.Equal(DisconnectCause.Canceled, Assert.Single(events, e => e.Type == CallEventType.Disconnected).Cause);
        Assert.DoesNotContain(events, e => e.Type == CallEventType.Answered);
        harness.AssertEveryCallbackAuthentic();
    }

    [Theory]
    [InlineData(SimulatorFormat.Twilio)]
    [InlineData(SimulatorFormat.Bandwidth)]
    public async Task A_call_with_nothing_left_to_do_hangs_up_once_it_has_spoken(SimulatorFormat format)
    {
        await using var harness = await SimulatorHarness.StartAsync(format);
        harness.Service.VoiceAnswer = _ => [new SayInstruction(Greeting)];
        var callId = (await harness.RunAsync(Dial(harness, Customer))).CallId!;
        await harness.AdvanceAsync(SimulatorHarness.AnswerDelay);

        await harness.AdvanceAsync(SimulatedNetwork.SpeechPerCharacter * Greeting.Length);

        var call = harness.Call(callId);
        Assert.Equal(SimulatedCallStatus.Ended, call.Status);
        Assert.Equal(DisconnectCause.Completed, call.Cause);
        Assert.Equal(DisconnectCause.Completed, harness.EventsOf(callId)[^1].Cause);
    }

    [Theory]
    [InlineData(SimulatorFormat.Twilio)]
    [InlineData(SimulatorFormat.Bandwidth)]
    public async Task Our_command_id_comes_back_as_the_tag_or_label(SimulatorFormat format)
    {
        await using var harness = await SimulatorHarness.StartAsync(format);
        var dial = Dial(harness, Customer) with { ConferenceName = "session-7" };

        var callId = (await harness.RunAsync(dial)).CallId!;
        await harness.AdvanceAsync(SimulatorHarness.AnswerDelay);

        Assert.Equal(dial.CommandId, harness.Call(callId).Tag);
        var joined = Assert.Single(harness.EventsOf(callId), e => e.Type == CallEventType.ConferenceMemberJoined);
        Assert.Equal("session-7", joined.ConferenceName);
        if (format == SimulatorFormat.Twilio)
        {
            // The participant label is the command id; Bandwidth tags the call, not the conference member.
            Assert.Equal(dial.CommandId, joined.Tag);
        }
        else
        {
            Assert.Equal(dial.CommandId, Assert.Single(harness.EventsOf(callId), e => e.Type == CallEventType.Answered).Tag);
        }
    }

    [Fact]
    public async Task On_the_real_clock_a_call_rings_answers_and_ends()
    {
        var settings = SimulatorHarness.AccountSettings(SimulatorFormat.Twilio) with { AnswerDelay = TimeSpan.FromMilliseconds(20) };
        await using var service = await LoopbackTelephonyService.StartAsync(settings);
        using var httpClient = new HttpClient();
        await using var network = new SimulatedNetwork(
            LoopbackTelephonyService.AccountId,
            settings,
            LoopbackTelephonyService.PublicBaseUrl,
            () => service.ListeningUrl,
            httpClient,
            TimeProvider.System,
            new ListLogger());

        var callId = (await new SimulatorCallProvider(network).ExecuteAsync(Dial(Customer), CancellationToken.None)).CallId!;

        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (!service.Events.Any(e => e.ProviderCallId == callId && e.Type == CallEventType.Disconnected) && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }

        Assert.Equal(
            [CallEventType.Initiated, CallEventType.Ringing, CallEventType.Answered, CallEventType.Disconnected],
            Normalized.Types(service.Events));
        Assert.Equal(DisconnectCause.Completed, network.FindCall(callId)!.Cause);
    }

    private static DialCommand Dial(string to) => new() { CommandId = "cmd-real-clock", From = SimulatorHarness.OurNumber, To = to };

    private static DialCommand Dial(SimulatorHarness harness, string to) =>
        new() { CommandId = harness.NextCommandId(), From = SimulatorHarness.OurNumber, To = to };
}
