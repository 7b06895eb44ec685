using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Telephony.GrainInterfaces.Calls;
using Telephony.Providers.Twilio;

namespace Telephony.Providers.Tests.Twilio;

/// <summary><see cref="TwilioCallProvider"/> against a real loopback HTTP server: requests sent and errors mapped.</summary>
public sealed class TwilioCallProviderTests : IAsyncLifetime, IDisposable
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "secret-token";
    private const string AccountPath = "/2010-04-01/Accounts/" + AccountSid;
    private const string FormContentType = "application/x-www-form-urlencoded";
    private const string PublicBase = "https://telephony.example.com";
    private const string ConferenceCallback = PublicBase + "/webhooks/twilio/conference";
    private static readonly string ExpectedAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}"));

    private readonly HttpClient _httpClient = new();
    private LoopbackTwilioApi _api = null!;
    private TwilioCallProvider _provider = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _api = await LoopbackTwilioApi.StartAsync();
        _provider = CreateProvider(_api.BaseUrl);
    }

    /// <inheritdoc />
    public async Task DisposeAsync() => await _api.DisposeAsync();

    /// <inheritdoc />
    public void Dispose() => _httpClient.Dispose();

    private TwilioCallProvider CreateProvider(Uri apiBaseUrl) =>
        new(_httpClient, new TwilioSettings { AccountSid = AccountSid, AuthToken = AuthToken, ApiBaseUrl = apiBaseUrl }, new Uri(PublicBase + "/"));

    private RecordedRequest SingleRequest(string method, string target)
    {
        var request = Assert.Single(_api.Requests);
        Assert.Equal(method, request.Method);
        Assert.Equal(target, request.Target);
        Assert.Equal(ExpectedAuthorization, request.Authorization);
        Assert.Equal(FormContentType, request.ContentType);
        return request;
    }

    /// <summary>
    /// Twilio reads form fields by name, and the library writes them in its own order: fields compare by name, the
    /// values of a repeated name in the order sent.
    /// </summary>
    private static void AssertForm(IEnumerable<KeyValuePair<string, string>> expected, RecordedRequest request) =>
        Assert.Equal(ByName(expected), ByName(request.Form));

    private static List<KeyValuePair<string, string>> ByName(IEnumerable<KeyValuePair<string, string>> fields) =>
        [.. fields.OrderBy(f => f.Key, StringComparer.Ordinal)];

    private static KeyValuePair<string, string> Field(string name, string value) => new(name, value);

    [Fact]
    public void Kind_is_twilio()
    {
        Assert.Equal(ProviderKind.Twilio, _provider.Kind);
    }

    [Fact]
    public async Task Dial_into_conference_adds_a_participant()
    {
        _api.ResponseStatus = 201;
        _api.ResponseBody = """{"call_sid": "CAnew", "conference_sid": "CFconf", "label": "cmd-1", "status": "queued"}""";

        var result = await _provider.ExecuteAsync(
            new DialCommand { CommandId = "cmd-1", From = "+14155550100", To = "+14155550199", ConferenceName = "session-42", TimeoutSeconds = 25 },
            CancellationToken.None);

        Assert.Equal(new CommandResult("CAnew", "CFconf"), result);
        var request = SingleRequest("POST", AccountPath + "/Conferences/session-42/Participants.json");
        AssertForm(
            [
                Field("From", "+14155550100"),
                Field("To", "+14155550199"),
                Field("Timeout", "25"),
                Field("Label", "cmd-1"),
                Field("StatusCallback", PublicBase + "/webhooks/twilio/status"),
                Field("StatusCallbackEvent", "initiated"),
                Field("StatusCallbackEvent", "ringing"),
                Field("StatusCallbackEvent", "answered"),
                Field("StatusCallbackEvent", "completed"),
                Field("ConferenceStatusCallback", ConferenceCallback),
                Field("ConferenceStatusCallbackEvent", "start"),
                Field("ConferenceStatusCallbackEvent", "end"),
                Field("ConferenceStatusCallbackEvent", "join"),
                Field("ConferenceStatusCallbackEvent", "leave"),
                Field("ConferenceStatusCallbackEvent", "mute"),
                Field("ConferenceStatusCallbackEvent", "hold"),
            ],
            request);
    }

    [Fact]
    public async Task Conference_name_is_escaped_in_the_path()
    {
        _api.ResponseBody = """{"call_sid": "CAnew", "conference_sid": "CFconf"}""";

        await _provider.ExecuteAsync(
            new DialCommand { CommandId = "cmd-1", From = "+1", To = "+2", ConferenceName = "sales & support/eu" },
            CancellationToken.None);

        SingleRequest("POST", AccountPath + "/Conferences/sales%20%26%20support%2Feu/Participants.json");
    }

    [Fact]
    public async Task Dial_without_conference_creates_a_call_that_asks_our_voice_webhook()
    {
        _api.ResponseStatus = 201;
        _api.ResponseBody = """{"sid": "CAnew", "status": "queued"}""";

        var result = await _provider.ExecuteAsync(
            new DialCommand { CommandId = "cmd-2", From = "+14155550100", To = "+14155550199" },
            CancellationToken.None);

        Assert.Equal(new CommandResult("CAnew"), result);
        var request = SingleRequest("POST", AccountPath + "/Calls.json");
        AssertForm(
            [
                Field("To", "+14155550199"),
                Field("From", "+14155550100"),
                Field("Url", PublicBase + "/webhooks/twilio/voice"),
                Field("StatusCallback", PublicBase + "/webhooks/twilio/status"),
                Field("StatusCallbackEvent", "initiated"),
                Field("StatusCallbackEvent", "ringing"),
                Field("StatusCallbackEvent", "answered"),
                Field("StatusCallbackEvent", "completed"),
                Field("Timeout", "30"),
            ],
            request);
    }

    [Fact]
    public async Task Dial_with_a_url_creates_a_call_that_runs_the_twiml_there_and_reports_to_us()
    {
        _api.ResponseStatus = 201;
        _api.ResponseBody = """{"sid": "CAnew", "status": "queued"}""";

        var result = await _provider.ExecuteAsync(
            new DialCommand
            {
                CommandId = "cmd-2",
                From = "+14155550100",
                To = "client:alice",
                Url = new Uri("https://app.example.org/twiml/call?reservation=WR1"),
                TimeoutSeconds = 20,
            },
            CancellationToken.None);

        Assert.Equal(new CommandResult("CAnew"), result);
        var request = SingleRequest("POST", AccountPath + "/Calls.json");
        AssertForm(
            [
                Field("To", "client:alice"),
                Field("From", "+14155550100"),
                Field("Url", "https://app.example.org/twiml/call?reservation=WR1"),
                Field("StatusCallback", PublicBase + "/webhooks/twilio/status"),
                Field("StatusCallbackEvent", "initiated"),
                Field("StatusCallbackEvent", "ringing"),
                Field("StatusCallbackEvent", "answered"),
                Field("StatusCallbackEvent", "completed"),
                Field("Timeout", "20"),
            ],
            request);
    }

    [Fact]
    public async Task Redirect_to_url_updates_the_call_with_the_url_to_post_to()
    {
        var result = await _provider.ExecuteAsync(
            new RedirectToUrlCommand { CommandId = "cmd-4", CallId = "CAleg", Url = new Uri("https://app.example.org/twiml/next?step=2") },
            CancellationToken.None);

        Assert.Equal(new CommandResult(), result);
        AssertForm(
            [Field("Url", "https://app.example.org/twiml/next?step=2"), Field("Method", "POST")],
            SingleRequest("POST", AccountPath + "/Calls/CAleg.json"));
    }

    [Fact]
    public async Task Dial_naming_both_a_conference_and_a_url_is_refused_before_any_request()
    {
        var dial = new DialCommand { CommandId = "cmd-2", From = "+1", To = "+2", ConferenceName = "session-42", Url = new Uri("https://app.example.org/twiml") };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _provider.ExecuteAsync(dial, CancellationToken.None));

        Assert.Contains("both conference 'session-42' and instruction URL", error.Message, StringComparison.Ordinal);
        Assert.Empty(_api.Requests);
    }

    [Theory]
    [InlineData("/twiml/relative")]
    [InlineData("ftp://app.example.org/twiml")]
    public async Task Instruction_urls_Twilio_cannot_fetch_are_refused_before_any_request(string url)
    {
        var target = new Uri(url, UriKind.RelativeOrAbsolute);

        await Assert.ThrowsAsync<ArgumentException>(() => _provider.ExecuteAsync(
            new DialCommand { CommandId = "cmd-2", From = "+1", To = "+2", Url = target }, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => _provider.ExecuteAsync(
            new RedirectToUrlCommand { CommandId = "cmd-4", CallId = "CAleg", Url = target }, CancellationToken.None));
        Assert.Empty(_api.Requests);
    }

    [Fact]
    public async Task Hangup_completes_the_call()
    {
        var result = await _provider.ExecuteAsync(new HangupCommand { CommandId = "cmd-3", CallId = "CAleg" }, CancellationToken.None);

        Assert.Equal(new CommandResult(), result);
        AssertForm([Field("Status", "completed")], SingleRequest("POST", AccountPath + "/Calls/CAleg.json"));
    }

    [Fact]
    public async Task Redirect_replaces_the_call_twiml_with_a_dial()
    {
        await _provider.ExecuteAsync(
            new RedirectCommand { CommandId = "cmd-4", CallId = "CAleg", Destination = "+14155550123", CallerId = "+14155550100" },
            CancellationToken.None);

        AssertForm(
            [Field("Twiml", """<?xml version="1.0" encoding="utf-8"?><Response><Dial callerId="+14155550100"><Number>+14155550123</Number></Dial></Response>""")],
            SingleRequest("POST", AccountPath + "/Calls/CAleg.json"));
    }

    [Fact]
    public async Task Move_to_conference_replaces_the_call_twiml_with_the_conference()
    {
        await _provider.ExecuteAsync(
            new MoveToConferenceCommand { CommandId = "cmd-5", CallId = "CAleg", ConferenceName = "session-42", EndConferenceOnExit = true },
            CancellationToken.None);

        AssertForm(
            [
                Field(
                    "Twiml",
                    $"""<?xml version="1.0" encoding="utf-8"?><Response><Dial><Conference muted="false" startConferenceOnEnter="true" endConferenceOnExit="true" statusCallbackEvent="start end join leave mute hold" statusCallback="{ConferenceCallback}">session-42</Conference></Dial></Response>"""),
            ],
            SingleRequest("POST", AccountPath + "/Calls/CAleg.json"));
    }

    [Theory]
    [InlineData(true, null, "Hold=true")]
    [InlineData(false, null, "Hold=false")]
    [InlineData(null, true, "Muted=true")]
    [InlineData(null, false, "Muted=false")]
    [InlineData(true, false, "Hold=true&Muted=false")]
    public async Task Update_participant_sends_only_the_given_states(bool? hold, bool? muted, string expected)
    {
        await _provider.ExecuteAsync(
            new UpdateParticipantCommand { CommandId = "cmd-6", ConferenceId = "CFconf", CallId = "CAleg", Hold = hold, Muted = muted },
            CancellationToken.None);

        var request = SingleRequest("POST", AccountPath + "/Conferences/CFconf/Participants/CAleg.json");
        Assert.Equal(expected, string.Join('&', ByName(request.Form).Select(f => $"{f.Key}={f.Value}")));
    }

    [Fact]
    public async Task Remove_participant_deletes_it()
    {
        _api.ResponseStatus = 204;
        _api.ResponseBody = "";

        var result = await _provider.ExecuteAsync(
            new RemoveParticipantCommand { CommandId = "cmd-7", ConferenceId = "CFconf", CallId = "CAleg" },
            CancellationToken.None);

        Assert.Equal(new CommandResult(), result);
        Assert.Empty(SingleRequest("DELETE", AccountPath + "/Conferences/CFconf/Participants/CAleg.json").Form);
    }

    [Fact]
    public async Task End_conference_completes_it()
    {
        await _provider.ExecuteAsync(new EndConferenceCommand { CommandId = "cmd-8", ConferenceId = "CFconf" }, CancellationToken.None);

        AssertForm([Field("Status", "completed")], SingleRequest("POST", AccountPath + "/Conferences/CFconf.json"));
    }

    [Fact]
    public async Task Send_message_posts_a_message()
    {
        _api.ResponseStatus = 201;
        _api.ResponseBody = """{"sid": "SMnew"}""";

        var result = await _provider.ExecuteAsync(
            new SendMessageCommand { CommandId = "cmd-9", From = "+14155550100", To = "+14155550199", Text = "Join: https://x.example/c?a=1&b=2" },
            CancellationToken.None);

        Assert.Equal(new CommandResult(), result);
        AssertForm(
            [Field("To", "+14155550199"), Field("From", "+14155550100"), Field("Body", "Join: https://x.example/c?a=1&b=2")],
            SingleRequest("POST", AccountPath + "/Messages.json"));
    }

    [Fact]
    public async Task Api_base_url_path_is_kept()
    {
        var provider = CreateProvider(new Uri(_api.BaseUrl, "/proxy/twilio/"));

        await provider.ExecuteAsync(new HangupCommand { CommandId = "cmd-3", CallId = "CAleg" }, CancellationToken.None);

        SingleRequest("POST", "/proxy/twilio" + AccountPath + "/Calls/CAleg.json");
    }

    [Fact]
    public async Task Requests_go_to_twilio_when_no_api_base_url_is_configured()
    {
        var recorder = new RecordingHandler();
        using var httpClient = new HttpClient(recorder);
        var provider = new TwilioCallProvider(httpClient, new TwilioSettings { AccountSid = AccountSid, AuthToken = AuthToken }, new Uri(PublicBase));

        await provider.ExecuteAsync(new HangupCommand { CommandId = "cmd-3", CallId = "CAleg" }, CancellationToken.None);

        Assert.Equal(new Uri("https://api.twilio.com" + AccountPath + "/Calls/CAleg.json"), Assert.Single(recorder.Requests));
    }

    [Fact]
    public async Task Twilio_error_is_a_permanent_provider_exception_with_its_message()
    {
        _api.ResponseStatus = 400;
        _api.ResponseBody = """{"code": 21211, "message": "The 'To' number +1 is not a valid phone number.", "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}""";

        var error = await Assert.ThrowsAsync<ProviderException>(() => _provider.ExecuteAsync(
            new DialCommand { CommandId = "cmd-2", From = "+14155550100", To = "+1" },
            CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.False(error.IsTransient);
        Assert.Equal(21211, error.ErrorCode);
        Assert.Equal("https://www.twilio.com/docs/errors/21211", error.MoreInfo);
        Assert.Equal(
            "Twilio answered 400 BadRequest to creating a call: The 'To' number +1 is not a valid phone number. (Twilio error 21211)",
            error.Message);
        Assert.Null(error.InnerException);
    }

    [Theory]
    [InlineData(401, false)]
    [InlineData(404, false)]
    [InlineData(409, false)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    public async Task Error_status_decides_whether_it_is_transient(int status, bool transient)
    {
        _api.ResponseStatus = status;
        _api.ResponseBody = $$"""{"code": 20003, "message": "Nope", "status": {{status}}}""";

        var error = await Assert.ThrowsAsync<ProviderException>(() => _provider.ExecuteAsync(
            new HangupCommand { CommandId = "cmd-3", CallId = "CAleg" },
            CancellationToken.None));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(transient, error.IsTransient);
        Assert.Equal(20003, error.ErrorCode);
        Assert.Null(error.MoreInfo);
    }

    [Fact]
    public async Task Error_without_json_body_reports_the_status()
    {
        _api.ResponseStatus = 503;
        _api.ResponseContentType = "text/html";
        _api.ResponseBody = "<html><body>Service Unavailable</body></html>";

        var error = await Assert.ThrowsAsync<ProviderException>(() => _provider.ExecuteAsync(
            new HangupCommand { CommandId = "cmd-3", CallId = "CAleg" },
            CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal("Twilio answered 503 ServiceUnavailable to updating call CAleg.", error.Message);
        Assert.Null(error.ErrorCode);
    }

    [Fact]
    public async Task Created_call_without_sid_is_a_permanent_provider_exception()
    {
        _api.ResponseBody = """{"status": "queued"}""";

        var error = await Assert.ThrowsAsync<ProviderException>(() => _provider.ExecuteAsync(
            new DialCommand { CommandId = "cmd-2", From = "+1", To = "+2" },
            CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Equal("Twilio answered creating a call without sid.", error.Message);
    }

    [Fact]
    public async Task Unreadable_success_body_is_a_permanent_provider_exception()
    {
        _api.ResponseBody = "not json";

        var error = await Assert.ThrowsAsync<ProviderException>(() => _provider.ExecuteAsync(
            new DialCommand { CommandId = "cmd-2", From = "+1", To = "+2" },
            CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Null(error.StatusCode);
        Assert.Equal("Twilio's answer to creating a call could not be read.", error.Message);
    }

    [Fact]
    public async Task Unreachable_api_is_a_transient_provider_exception()
    {
        var provider = CreateProvider(new Uri($"http://127.0.0.1:{UnusedPort()}/"));

        var error = await Assert.ThrowsAsync<ProviderException>(() => provider.ExecuteAsync(
            new HangupCommand { CommandId = "cmd-3", CallId = "CAleg" },
            CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Null(error.StatusCode);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.StartsWith("Twilio could not be reached for updating call CAleg: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http_client_timeout_is_a_transient_provider_exception()
    {
        _api.ResponseDelay = TimeSpan.FromSeconds(30);
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(200) };
        var provider = new TwilioCallProvider(
            impatient,
            new TwilioSettings { AccountSid = AccountSid, AuthToken = AuthToken, ApiBaseUrl = _api.BaseUrl },
            new Uri(PublicBase));

        var error = await Assert.ThrowsAsync<ProviderException>(() => provider.ExecuteAsync(
            new HangupCommand { CommandId = "cmd-3", CallId = "CAleg" },
            CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Equal("Twilio did not answer updating call CAleg in time.", error.Message);
    }

    [Fact]
    public async Task Caller_cancellation_is_passed_through()
    {
        _api.ResponseDelay = TimeSpan.FromSeconds(30);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _provider.ExecuteAsync(
            new HangupCommand { CommandId = "cmd-3", CallId = "CAleg" },
            cancellation.Token));

        Assert.Equal(cancellation.Token, error.CancellationToken);
    }

    [Fact]
    public async Task Unsupported_command_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _provider.ExecuteAsync(new UnsupportedCommand { CommandId = "cmd-x" }, CancellationToken.None));
        Assert.Empty(_api.Requests);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record UnsupportedCommand : CallCommand;

    /// <summary>Answers every request with an empty JSON object and records where it was sent, without a network.</summary>
    private sealed class RecordingHandler : HttpMessageHandler
    {
        private readonly ConcurrentQueue<Uri> _requests = new();

        public IReadOnlyList<Uri> Requests => [.. _requests];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _requests.Enqueue(request.RequestUri!);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}", Encoding.UTF8, "application/json") });
        }
    }
}
