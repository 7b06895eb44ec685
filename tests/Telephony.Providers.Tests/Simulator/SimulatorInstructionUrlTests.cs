using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Telephony.GrainInterfaces.Calls;
using Telephony.Providers.Bandwidth;
using Telephony.Providers.Simulator;
using Telephony.Providers.Twilio;

namespace Telephony.Providers.Tests.Simulator;

/// <summary>
/// Legs dialled with an instruction URL, or redirected to one, in both wire formats: the simulator asks that URL as the
/// provider would (directly when it is not ours, authenticated like our callbacks) and runs what it serves.
/// </summary>
public sealed class SimulatorInstructionUrlTests : IAsyncLifetime
{
    private const string Caller = "+14155550111";
    private const string Agent = "+14155550122";
    private const string Greeting = "Hello, a customer is waiting for you in the queue.";

    private LoopbackServer _application = null!;

    /// <inheritdoc />
    public async Task InitializeAsync() => _application = await LoopbackServer.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync() => await _application.DisposeAsync();

    [Theory]
    [InlineData(SimulatorFormat.Twilio, new[] { "initiated", "ringing", "in-progress", "completed" })]
    [InlineData(SimulatorFormat.Bandwidth, new[] { "disconnect" })]
    public async Task A_leg_dialled_with_a_url_asks_it_directly_on_answer_and_runs_what_it_serves(SimulatorFormat format, string[] ourEvents)
    {
        await using var harness = await SimulatorHarness.StartAsync(format);
        Serve(format, new SayInstruction(Greeting), new HangupInstruction());
        var url = new Uri(_application.BaseUrl, "/calls/agent?reservation=WR1&task=WT%201");

        var callId = (await harness.RunAsync(Dial(harness) with { Url = url })).CallId!;
        Assert.Empty(_application.Requests);
        await harness.AdvanceAsync(SimulatorHarness.AnswerDelay);

        var call = harness.Call(callId);
        Assert.Equal((SimulatedCallStatus.Answered, SimulatedCallActivity.Speaking), (call.Status, call.Activity));
        Assert.Equal([Greeting], call.Spoken);
        var served = _application.SingleRequest();
        Assert.Equal(("POST", "/calls/agent?reservation=WR1&task=WT%201"), (served.Method, served.Target));
        var asked = AuthenticEvent(served, format, url);
        Assert.Equal((CallEventType.Answered, callId), (asked.Type, asked.ProviderCallId));
        var fetch = Assert.Single(harness.Network.Callbacks, c => c.Url == url);
        Assert.Equal((url, 200), (fetch.DeliveredTo, fetch.StatusCode));
        Assert.Null(fetch.Error);

        await harness.AdvanceAsync(SimulatedNetwork.SpeechPerCharacter * Greeting.Length);

        Assert.Equal(DisconnectCause.Completed, harness.Call(callId).Cause);
        // Our voice webhook is never asked; the leg's status callbacks still come to us.
        Assert.Equal(ourEvents, harness.EventsOf(callId).Select(e => e.ProviderEventType));
        Assert.Equal(DisconnectCause.Completed, harness.EventsOf(callId)[^1].Cause);
        AssertOurCallbacksAuthentic(harness);
    }

    [Theory]
    [InlineData(SimulatorFormat.Twilio)]
    [InlineData(SimulatorFormat.Bandwidth)]
    public async Task A_leg_dialled_with_a_url_joins_the_conference_it_serves(SimulatorFormat format)
    {
        await using var harness = await SimulatorHarness.StartAsync(format);
        Serve(format, new JoinConferenceInstruction("agents"));

        var callId = (await harness.RunAsync(Dial(harness) with { Url = new Uri(_application.BaseUrl, "/conference") })).CallId!;
        await harness.AdvanceAsync(SimulatorHarness.AnswerDelay);

        var conference = Assert.Single(harness.Network.Conferences);
        Assert.Equal("agents", conference.Name);
        Assert.Equal((SimulatedCallActivity.InConference, conference.ConferenceId), (harness.Call(callId).Activity, harness.Call(callId).ConferenceId));
        var joined = Assert.Single(harness.EventsOf(callId), e => e.Type == CallEventType.ConferenceMemberJoined);
        Assert.Equal("agents", joined.ConferenceName);
        AssertOurCallbacksAuthentic(harness);
    }

    [Theory]
    [InlineData(SimulatorFormat.Twilio, CallEventType.Answered, "in-progress")]
    [InlineData(SimulatorFormat.Bandwidth, CallEventType.Redirected, "redirect")]
    public async Task A_redirect_to_a_url_takes_a_live_leg_out_of_its_conference_into_what_it_serves(
        SimulatorFormat format, CallEventType askedType, string askedEvent)
    {
        await using var harness = await SimulatorHarness.StartAsync(format);
        harness.Service.VoiceAnswer = _ => [new JoinConferenceInstruction("queue")];
        var callerId = await harness.Network.PlaceIncomingCallAsync(Caller, SimulatorHarness.OurNumber, CancellationToken.None);
        await harness.SettleAsync();
        Assert.Equal(SimulatedCallActivity.InConference, harness.Call(callerId).Activity);
        Serve(format, new SayInstruction(Greeting));
        var url = new Uri(_application.BaseUrl, "/redirect?step=2");

        await harness.RunAsync(new RedirectToUrlCommand { CommandId = harness.NextCommandId(), CallId = callerId, Url = url });

        var caller = harness.Call(callerId);
        Assert.Equal((SimulatedCallActivity.Speaking, null), (caller.Activity, caller.ConferenceId));
        Assert.Equal([Greeting], caller.Spoken);
        Assert.True(Assert.Single(harness.Network.Conferences).Ended);
        var asked = AuthenticEvent(_application.SingleRequest(), format, url);
        Assert.Equal((askedType, askedEvent, callerId), (asked.Type, asked.ProviderEventType, asked.ProviderCallId));

        // Nothing is left to do once it has spoken, so it hangs up.
        await harness.AdvanceAsync(SimulatedNetwork.SpeechPerCharacter * Greeting.Length);

        Assert.Equal(DisconnectCause.Completed, harness.Call(callerId).Cause);
        Assert.Equal(
            [CallEventType.Initiated, CallEventType.ConferenceMemberJoined, CallEventType.ConferenceMemberLeft, CallEventType.Disconnected],
            harness.EventsOf(callerId).Select(e => e.Type));
        AssertOurCallbacksAuthentic(harness);
    }

    [Theory]
    [InlineData(SimulatorFormat.Twilio, "status:failed")]
    [InlineData(SimulatorFormat.Bandwidth, "disconnect")]
    public async Task A_url_that_answers_an_error_hangs_the_dialled_leg_up_and_is_logged(SimulatorFormat format, string terminalCallback)
    {
        await using var harness = await SimulatorHarness.StartAsync(format);
        _application.Respond(HttpStatusCode.InternalServerError);
        var url = new Uri(_application.BaseUrl, "/broken");

        var callId = (await harness.RunAsync(Dial(harness) with { Url = url })).CallId!;
        await harness.AdvanceAsync(SimulatorHarness.AnswerDelay);

        var call = harness.Call(callId);
        Assert.Equal((SimulatedCallStatus.Ended, DisconnectCause.Failed), (call.Status, call.Cause));
        var fetch = Assert.Single(harness.Network.Callbacks, c => c.Url == url);
        Assert.Equal((url, 500), (fetch.DeliveredTo, fetch.StatusCode));
        Assert.Equal($"The instruction URL {url} answered 500 InternalServerError.", fetch.Error);
        Assert.Equal(fetch.Error, call.ErrorMessage);
        Assert.Contains(harness.Logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(url.AbsoluteUri, StringComparison.Ordinal));
        Assert.Equal(terminalCallback, harness.Network.Callbacks[^1].EventName);
        Assert.Equal(DisconnectCause.Failed, harness.EventsOf(callId)[^1].Cause);
        AssertOurCallbacksAuthentic(harness);
    }

    [Theory]
    [InlineData(SimulatorFormat.Twilio)]
    [InlineData(SimulatorFormat.Bandwidth)]
    public async Task A_redirect_to_a_url_that_cannot_be_reached_hangs_the_leg_up(SimulatorFormat format)
    {
        await using var harness = await SimulatorHarness.StartAsync(format);
        harness.Service.VoiceAnswer = _ => [new JoinConferenceInstruction("queue")];
        var callerId = await harness.Network.PlaceIncomingCallAsync(Caller, SimulatorHarness.OurNumber, CancellationToken.None);
        await harness.SettleAsync();
        Uri closed;
        await using (var stopped = await LoopbackServer.StartAsync())
        {
            closed = new Uri(stopped.BaseUrl, "/gone");
        }

        await harness.RunAsync(new RedirectToUrlCommand { CommandId = harness.NextCommandId(), CallId = callerId, Url = closed });

        var caller = harness.Call(callerId);
        Assert.Equal(DisconnectCause.Failed, caller.Cause);
        Assert.StartsWith($"The instruction URL {closed} could not be reached", caller.ErrorMessage, StringComparison.Ordinal);
        var fetch = Assert.Single(harness.Network.Callbacks, c => c.Url == closed);
        Assert.Null(fetch.StatusCode);
        Assert.Equal(
            [CallEventType.Initiated, CallEventType.ConferenceMemberJoined, CallEventType.ConferenceMemberLeft, CallEventType.Disconnected],
            harness.EventsOf(callerId).Select(e => e.Type));
        Assert.Equal(DisconnectCause.Failed, harness.EventsOf(callerId)[^1].Cause);
    }

    [Theory]
    [InlineData(SimulatorFormat.Twilio, WebhookPaths.TwilioVoice, null)]
    [InlineData(SimulatorFormat.Bandwidth, WebhookPaths.BandwidthVoice, "conference=room-1")]
    public async Task A_url_under_our_public_base_url_is_delivered_to_our_own_service(SimulatorFormat format, string path, string? query)
    {
        await using var harness = await SimulatorHarness.StartAsync(format);
        harness.Service.VoiceAnswer = _ => [new JoinConferenceInstruction("room-1")];
        var url = WebhookPaths.Combine(LoopbackTelephonyService.PublicBaseUrl, path, query);

        var callId = (await harness.RunAsync(Dial(harness) with { Url = url })).CallId!;
        await harness.AdvanceAsync(SimulatorHarness.AnswerDelay);

        Assert.Equal("room-1", Assert.Single(harness.Network.Conferences).Name);
        Assert.Equal(SimulatedCallActivity.InConference, harness.Call(callId).Activity);
        var asked = Assert.Single(harness.Network.Callbacks, c => c.Url == url);
        Assert.Equal((harness.Service.ListeningUrl.Authority, url.PathAndQuery), (asked.DeliveredTo!.Authority, asked.DeliveredTo.PathAndQuery));
        Assert.Empty(_application.Requests);
        harness.AssertEveryCallbackAuthentic();
    }

    [Theory]
    [InlineData(SimulatorFormat.Twilio)]
    [InlineData(SimulatorFormat.Bandwidth)]
    public async Task A_dial_naming_both_a_conference_and_a_url_is_refused_and_places_no_call(SimulatorFormat format)
    {
        await using var harness = await SimulatorHarness.StartAsync(format);
        var dial = Dial(harness) with { ConferenceName = "agents", Url = new Uri(_application.BaseUrl, "/calls") };

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Provider.ExecuteAsync(dial, CancellationToken.None));

        Assert.Empty(harness.Network.Calls);
    }

    [Fact]
    public async Task A_ringing_leg_cannot_be_redirected_to_a_url()
    {
        await using var harness = await SimulatorHarness.StartAsync(SimulatorFormat.Twilio);
        var callId = (await harness.RunAsync(Dial(harness))).CallId!;

        var refused = await Assert.ThrowsAsync<ProviderException>(() => harness.Provider.ExecuteAsync(
            new RedirectToUrlCommand { CommandId = "c1", CallId = callId, Url = new Uri(_application.BaseUrl, "/next") }, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Empty(_application.Requests);
    }

    private void Serve(SimulatorFormat format, params CallInstruction[] instructions)
    {
        var settings = SimulatorHarness.AccountSettings(format);
        ICallInstructionRenderer renderer = format == SimulatorFormat.Twilio
            ? new TwiMLRenderer(LoopbackTelephonyService.PublicBaseUrl)
            : new BxmlRenderer(LoopbackTelephonyService.PublicBaseUrl, settings.Bandwidth.CallbackUsername, settings.Bandwidth.CallbackPassword);
        _application.RespondMarkup(renderer.Render(instructions), renderer.ContentType);
    }

    // The application checks the request as our own webhooks would: Twilio's signature over the URL it was given, or
    // Bandwidth's callback credentials; then reads it with the real parsers.
    private static CallEvent AuthenticEvent(RecordedRequest request, SimulatorFormat format, Uri url)
    {
        var settings = SimulatorHarness.AccountSettings(format);
        var mediaType = MediaTypeHeaderValue.Parse(request.ContentType!).MediaType;
        if (format == SimulatorFormat.Bandwidth)
        {
            Assert.Equal("application/json", mediaType);
            Assert.True(BandwidthCallbackAuthenticator.IsValid(request.Authorization, settings.Bandwidth));
            return BandwidthCallbackParser.Parse(Encoding.UTF8.GetBytes(request.Body), LoopbackTelephonyService.AccountId);
        }

        Assert.Equal("application/x-www-form-urlencoded", mediaType);
        var form = QueryHelpers.ParseQuery(request.Body);
        List<KeyValuePair<string, string>> parameters = [.. form.SelectMany(f => f.Value.Select(v => KeyValuePair.Create(f.Key, v ?? string.Empty)))];
        Assert.True(TwilioSignature.IsValid(
            settings.Twilio.AuthToken, url.AbsoluteUri, parameters, request.Headers.GetValueOrDefault(TwilioSignature.HeaderName)));
        var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        return TwilioCallbackParser.ParseVoiceWebhook(fields, LoopbackTelephonyService.AccountId, DateTimeOffset.UtcNow);
    }

    // Whatever did not go to the application went to our service, which found every callback authentic.
    private void AssertOurCallbacksAuthentic(SimulatorHarness harness)
    {
        var toApplication = harness.Network.Callbacks.Count(c => c.DeliveredTo?.Authority == _application.BaseUrl.Authority);
        Assert.Equal(harness.Network.Callbacks.Count - toApplication, harness.Service.Received.Count);
        Assert.All(harness.Service.Received, r => Assert.True(r.Authentic, $"{r.Path} was refused"));
    }

    private static DialCommand Dial(SimulatorHarness harness) =>
        new() { CommandId = harness.NextCommandId(), From = SimulatorHarness.OurNumber, To = Agent };
}
