using Microsoft.Extensions.Logging;
using Telephony.GrainInterfaces.Calls;
using Telephony.Providers.Simulator;
using Telephony.Providers.Twilio;

namespace Telephony.Providers.Tests.Simulator;

/// <summary>The simulator signs (Twilio) or authenticates (Bandwidth) its callbacks exactly as the provider would.</summary>
public sealed class SimulatorAuthenticationTests
{
    [Fact]
    public async Task Twilio_callbacks_are_signed_for_the_public_url_but_delivered_to_our_listening_address()
    {
        await using var harness = await SimulatorHarness.StartAsync(SimulatorFormat.Twilio);
        harness.Service.VoiceAnswer = _ => [new JoinConferenceInstruction("signed")];

        await harness.Network.PlaceIncomingCallAsync("+14155550111", SimulatorHarness.OurNumber, CancellationToken.None);
        await harness.SettleAsync();

        harness.AssertEveryCallbackAuthentic();
        Assert.Equal(["/webhooks/twilio/voice", "/webhooks/twilio/conference"], harness.Service.Received.Select(r => r.Path));
        // Valid for the public URL only: a signature over the URL actually requested would not match.
        Assert.All(harness.Service.Received, r => Assert.False(r.SignedForDeliveryUrl));
        Assert.All(harness.Network.Callbacks, c =>
        {
            Assert.Equal(LoopbackTelephonyService.PublicBaseUrl.Authority, c.Url.Authority);
            Assert.Equal(harness.Service.ListeningUrl.Authority, c.DeliveredTo!.Authority);
            Assert.Equal(c.Url.PathAndQuery, c.DeliveredTo.PathAndQuery);
        });
    }

    [Fact]
    public async Task Bandwidth_callbacks_carry_the_callback_credentials_and_the_answer_url_query()
    {
        await using var harness = await SimulatorHarness.StartAsync(SimulatorFormat.Bandwidth);

        await harness.RunAsync(new DialCommand
        {
            CommandId = harness.NextCommandId(),
            From = SimulatorHarness.OurNumber,
            To = "+14155550122",
            ConferenceName = "room.1",
        });
        await harness.AdvanceAsync(SimulatorHarness.AnswerDelay);

        harness.AssertEveryCallbackAuthentic();
        var answer = harness.Network.Callbacks[0];
        Assert.Equal("answer", answer.EventName);
        Assert.Equal("/webhooks/bandwidth/voice?conference=room.1", answer.DeliveredTo!.PathAndQuery);
        Assert.Equal(
            [CallEventType.Answered, CallEventType.ConferenceCreated, CallEventType.ConferenceMemberJoined],
            harness.Service.Events.Select(e => e.Type));
    }

    [Theory]
    [InlineData(SimulatorFormat.Twilio)]
    [InlineData(SimulatorFormat.Bandwidth)]
    public async Task A_simulator_with_the_wrong_secret_produces_callbacks_our_service_refuses(SimulatorFormat format)
    {
        await using var harness = await SimulatorHarness.StartAsync(format, settings => settings with
        {
            Twilio = settings.Twilio with { AuthToken = "not-the-account-token" },
            Bandwidth = settings.Bandwidth with { CallbackPassword = "not-the-callback-password" },
        });
        harness.Service.VoiceAnswer = _ => [new JoinConferenceInstruction("refused")];

        var callId = await harness.Network.PlaceIncomingCallAsync("+14155550111", SimulatorHarness.OurNumber, CancellationToken.None);
        await harness.SettleAsync();

        // The instructions request is refused, so the call fails and reports that, which is refused too.
        Assert.Equal(2, harness.Service.Received.Count);
        Assert.All(harness.Service.Received, r => Assert.False(r.Authentic));
        Assert.All(harness.Network.Callbacks, c => Assert.NotNull(c.Error));
        var call = harness.Call(callId);
        Assert.Equal(DisconnectCause.Failed, call.Cause);
        Assert.Contains(format == SimulatorFormat.Twilio ? "403" : "401", call.ErrorMessage);
        Assert.Equal(2, harness.Logger.Entries.Count(e => e.Level == LogLevel.Warning));
    }

    [Fact]
    public async Task Callbacks_addressed_outside_our_public_base_url_are_never_sent()
    {
        await using var harness = await SimulatorHarness.StartAsync(SimulatorFormat.Twilio);
        var foreign = new TwiMLRenderer(new Uri("https://elsewhere.example.test/"));
        harness.Service.MarkupAnswer = _ => foreign.Render([new JoinConferenceInstruction("elsewhere")]);

        var callId = await harness.Network.PlaceIncomingCallAsync("+14155550111", SimulatorHarness.OurNumber, CancellationToken.None);
        await harness.SettleAsync();

        Assert.Equal(SimulatedCallActivity.InConference, harness.Call(callId).Activity);
        Assert.Equal(["/webhooks/twilio/voice"], harness.Service.Received.Select(r => r.Path));
        var refused = harness.Network.Callbacks[^1];
        Assert.Equal("conference:participant-join", refused.EventName);
        Assert.Equal("elsewhere.example.test", refused.Url.Host);
        Assert.Null(refused.DeliveredTo);
        Assert.Contains("not under the public base URL", refused.Error);
    }
}
