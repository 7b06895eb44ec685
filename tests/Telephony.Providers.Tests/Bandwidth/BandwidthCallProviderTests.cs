using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Telephony.GrainInterfaces.Calls;
using Telephony.Providers.Bandwidth;

namespace Telephony.Providers.Tests.Bandwidth;

public sealed class BandwidthCallProviderTests : IAsyncLifetime
{
    private const string CallId = "c-15ac29a2-1331029c-2cb0-4a07-b215-b22865662d85";
    private const string ConferenceId = "conf-59082d52-4a2ab5be-ce26-43ed-af94-431b8a19d4e3";
    private const string VoiceWebhook = "https://telephony.example.com/webhooks/bandwidth/voice";
    private static readonly string ApiAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("api-user:api-secret"));

    private LoopbackServer _server = null!;
    private HttpClient _httpClient = null!;
    private BandwidthCallProvider _provider = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync();
        _httpClient = new HttpClient();
        _provider = CreateProvider(_server.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        _httpClient.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public void Kind_is_bandwidth()
    {
        Assert.Equal(ProviderKind.Bandwidth, _provider.Kind);
    }

    [Fact]
    public async Task Dial_creates_a_call_answered_by_our_voice_webhook_and_returns_its_call_id()
    {
        _server.Respond(HttpStatusCode.Created, $$"""{"callId":"{{CallId}}","callUrl":"https://voice.bandwidth.com/api/v2/accounts/9900000/calls/{{CallId}}","applicationId":"04e88489-df02-4e34-a0ee-27a91849555f"}""");

        var result = await _provider.ExecuteAsync(
            new DialCommand { CommandId = "cmd-1", From = "+15551112222", To = "+15553334444", TimeoutSeconds = 45 },
            CancellationToken.None);

        Assert.Equal(new CommandResult(CallId: CallId), result);
        AssertRequest(
            "POST",
            "/api/v2/accounts/9900000/calls",
            $$"""
            {"from":"+15551112222","to":"+15553334444","applicationId":"04e88489-df02-4e34-a0ee-27a91849555f",
             "answerUrl":"{{VoiceWebhook}}","disconnectUrl":"{{VoiceWebhook}}",
             "username":"bw-callbacks","password":"callback-secret","callTimeout":45,"tag":"cmd-1"}
            """);
    }

    [Fact]
    public async Task Dial_into_a_conference_names_the_conference_in_the_answer_url()
    {
        _server.Respond(HttpStatusCode.Created, $$"""{"callId":"{{CallId}}"}""");

        await _provider.ExecuteAsync(
            new DialCommand { CommandId = "cmd-2", From = "+15551112222", To = "+15553334444", ConferenceName = "session-42" },
            CancellationToken.None);

        AssertRequest(
            "POST",
            "/api/v2/accounts/9900000/calls",
            $$"""
            {"from":"+15551112222","to":"+15553334444","applicationId":"04e88489-df02-4e34-a0ee-27a91849555f",
             "answerUrl":"{{VoiceWebhook}}?conference=session-42","disconnectUrl":"{{VoiceWebhook}}",
             "username":"bw-callbacks","password":"callback-secret","callTimeout":30,"tag":"cmd-2"}
            """);
    }

    [Fact]
    public async Task Dial_with_a_url_creates_a_call_answered_by_that_url_that_still_disconnects_to_us()
    {
        _server.Respond(HttpStatusCode.Created, $$"""{"callId":"{{CallId}}"}""");

        var result = await _provider.ExecuteAsync(
            new DialCommand
            {
                CommandId = "cmd-2",
                From = "+15551112222",
                To = "+15553334444",
                Url = new Uri("https://telephony.example.com/bxml/call?reservation=WR1"),
                TimeoutSeconds = 20,
            },
            CancellationToken.None);

        Assert.Equal(new CommandResult(CallId: CallId), result);
        AssertRequest(
            "POST",
            "/api/v2/accounts/9900000/calls",
            $$"""
            {"from":"+15551112222","to":"+15553334444","applicationId":"04e88489-df02-4e34-a0ee-27a91849555f",
             "answerUrl":"https://telephony.example.com/bxml/call?reservation=WR1","disconnectUrl":"{{VoiceWebhook}}",
             "username":"bw-callbacks","password":"callback-secret","callTimeout":20,"tag":"cmd-2"}
            """);
    }

    [Fact]
    public async Task Dial_naming_both_a_conference_and_a_url_is_rejected_before_any_request()
    {
        var dial = new DialCommand
        {
            CommandId = "cmd-3",
            From = "+15551112222",
            To = "+15553334444",
            ConferenceName = "session-42",
            Url = new Uri("https://telephony.example.com/bxml/call"),
        };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _provider.ExecuteAsync(dial, CancellationToken.None));

        Assert.Contains("both conference 'session-42' and instruction URL", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Dial_into_a_conference_Bandwidth_would_refuse_is_rejected_before_any_request()
    {
        var dial = new DialCommand { CommandId = "cmd-3", From = "+15551112222", To = "+15553334444", ConferenceName = "session 42" };

        await Assert.ThrowsAsync<ArgumentException>(() => _provider.ExecuteAsync(dial, CancellationToken.None));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Dial_answered_without_a_call_id_fails_without_retry()
    {
        _server.Respond(HttpStatusCode.Created, """{"callUrl":"https://voice.bandwidth.com/api/v2/accounts/9900000/calls/"}""");

        var error = await Assert.ThrowsAsync<ProviderException>(() => _provider.ExecuteAsync(
            new DialCommand { CommandId = "cmd-4", From = "+15551112222", To = "+15553334444" },
            CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Equal(HttpStatusCode.Created, error.StatusCode);
    }

    [Fact]
    public async Task Hangup_completes_the_call()
    {
        var result = await _provider.ExecuteAsync(new HangupCommand { CommandId = "cmd-5", CallId = CallId }, CancellationToken.None);

        Assert.Equal(new CommandResult(), result);
        AssertRequest("POST", $"/api/v2/accounts/9900000/calls/{CallId}", """{"state":"completed"}""");
    }

    [Fact]
    public async Task Redirect_points_the_call_at_our_voice_webhook_with_the_transfer_in_the_query()
    {
        await _provider.ExecuteAsync(
            new RedirectCommand { CommandId = "cmd-6", CallId = CallId, Destination = "+15557654321", CallerId = "+15551112222" },
            CancellationToken.None);

        AssertRequest(
            "POST",
            $"/api/v2/accounts/9900000/calls/{CallId}",
            $$"""
            {"state":"active","redirectUrl":"{{VoiceWebhook}}?transferTo=%2B15557654321&callerId=%2B15551112222",
             "username":"bw-callbacks","password":"callback-secret"}
            """);
    }

    [Fact]
    public async Task Redirect_without_caller_id_carries_only_the_destination()
    {
        await _provider.ExecuteAsync(
            new RedirectCommand { CommandId = "cmd-7", CallId = CallId, Destination = "sip:agent@example.com" },
            CancellationToken.None);

        AssertRequest(
            "POST",
            $"/api/v2/accounts/9900000/calls/{CallId}",
            $$"""
            {"state":"active","redirectUrl":"{{VoiceWebhook}}?transferTo=sip%3Aagent%40example.com",
             "username":"bw-callbacks","password":"callback-secret"}
            """);
    }

    [Fact]
    public async Task Redirect_to_url_keeps_the_call_active_and_points_it_at_the_url()
    {
        var result = await _provider.ExecuteAsync(
            new RedirectToUrlCommand { CommandId = "cmd-7", CallId = CallId, Url = new Uri("https://telephony.example.com/bxml/next?step=2") },
            CancellationToken.None);

        Assert.Equal(new CommandResult(), result);
        AssertRequest(
            "POST",
            $"/api/v2/accounts/9900000/calls/{CallId}",
            """
            {"state":"active","redirectUrl":"https://telephony.example.com/bxml/next?step=2",
             "username":"bw-callbacks","password":"callback-secret"}
            """);
    }

    [Fact]
    public async Task An_instruction_url_on_another_server_is_refused_because_it_would_receive_our_callback_credentials()
    {
        var dial = await Assert.ThrowsAsync<ProviderException>(() => _provider.ExecuteAsync(
            new DialCommand { CommandId = "cmd-8", From = "+15551230001", To = "+15557654321", Url = new Uri("https://app.example.org/bxml/call") },
            CancellationToken.None));
        var redirect = await Assert.ThrowsAsync<ProviderException>(() => _provider.ExecuteAsync(
            new RedirectToUrlCommand { CommandId = "cmd-9", CallId = CallId, Url = new Uri("https://app.example.org/bxml/next") },
            CancellationToken.None));

        Assert.All([dial, redirect], e => Assert.Equal((System.Net.HttpStatusCode.BadRequest, false), (e.StatusCode, e.IsTransient)));
        Assert.Contains("callback credentials", dial.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Redirect_to_a_relative_url_is_rejected_before_any_request()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _provider.ExecuteAsync(
            new RedirectToUrlCommand { CommandId = "cmd-7", CallId = CallId, Url = new Uri("/bxml/next", UriKind.Relative) },
            CancellationToken.None));

        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Move_to_conference_points_the_call_at_our_voice_webhook_with_the_conference_in_the_query()
    {
        await _provider.ExecuteAsync(
            new MoveToConferenceCommand { CommandId = "cmd-8", CallId = CallId, ConferenceName = "session-42" },
            CancellationToken.None);

        AssertRequest(
            "POST",
            $"/api/v2/accounts/9900000/calls/{CallId}",
            $$"""
            {"state":"active","redirectUrl":"{{VoiceWebhook}}?conference=session-42",
             "username":"bw-callbacks","password":"callback-secret"}
            """);
    }

    [Theory]
    [InlineData(true, null, """{"hold":true}""")]
    [InlineData(false, null, """{"hold":false}""")]
    [InlineData(null, true, """{"mute":true}""")]
    [InlineData(true, false, """{"hold":true,"mute":false}""")]
    public async Task Update_participant_puts_only_the_given_member_fields(bool? hold, bool? muted, string expectedBody)
    {
        _server.Respond(HttpStatusCode.NoContent);

        var result = await _provider.ExecuteAsync(
            new UpdateParticipantCommand { CommandId = "cmd-9", ConferenceId = ConferenceId, CallId = CallId, Hold = hold, Muted = muted },
            CancellationToken.None);

        Assert.Equal(new CommandResult(), result);
        AssertRequest("PUT", $"/api/v2/accounts/9900000/conferences/{ConferenceId}/members/{CallId}", expectedBody);
    }

    [Fact]
    public async Task Remove_participant_hangs_up_its_leg()
    {
        await _provider.ExecuteAsync(
            new RemoveParticipantCommand { CommandId = "cmd-10", ConferenceId = ConferenceId, CallId = CallId },
            CancellationToken.None);

        AssertRequest("POST", $"/api/v2/accounts/9900000/calls/{CallId}", """{"state":"completed"}""");
    }

    [Fact]
    public async Task End_conference_completes_the_conference()
    {
        _server.Respond(HttpStatusCode.NoContent);

        await _provider.ExecuteAsync(new EndConferenceCommand { CommandId = "cmd-11", ConferenceId = ConferenceId }, CancellationToken.None);

        AssertRequest("POST", $"/api/v2/accounts/9900000/conferences/{ConferenceId}", """{"status":"completed"}""");
    }

    [Fact]
    public async Task Send_message_posts_to_the_messaging_api()
    {
        _server.Respond(HttpStatusCode.Accepted, """{"id":"1589228074636lm4k2je7j7jklbn2","owner":"+15551112222","applicationId":"04e88489-df02-4e34-a0ee-27a91849555f"}""");

        var result = await _provider.ExecuteAsync(
            new SendMessageCommand { CommandId = "cmd-12", From = "+15551112222", To = "+15553334444", Text = "Join the chat: https://x.example/c/1" },
            CancellationToken.None);

        Assert.Equal(new CommandResult(), result);
        AssertRequest(
            "POST",
            "/messaging/api/v2/users/9900000/messages",
            """
            {"applicationId":"04e88489-df02-4e34-a0ee-27a91849555f","to":["+15553334444"],"from":"+15551112222",
             "text":"Join the chat: https://x.example/c/1","tag":"cmd-12"}
            """);
    }

    [Fact]
    public async Task Refusal_with_an_error_body_is_not_transient_and_carries_the_description()
    {
        _server.Respond(
            HttpStatusCode.BadRequest,
            """{"type":"validation","description":"Invalid to: must be an E164 telephone number","id":"d3e418e9-1833-49c1-b6c7-ca1700f79586"}""");

        var error = await Assert.ThrowsAsync<ProviderException>(() => _provider.ExecuteAsync(
            new HangupCommand { CommandId = "cmd-13", CallId = CallId }, CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(
            $"Bandwidth answered 400 to hang up call {CallId}: Invalid to: must be an E164 telephone number (error id d3e418e9-1833-49c1-b6c7-ca1700f79586)",
            error.Message);
    }

    [Fact]
    public async Task Refusal_without_an_error_body_is_not_transient()
    {
        _server.Respond(HttpStatusCode.NotFound);

        var error = await Assert.ThrowsAsync<ProviderException>(() => _provider.ExecuteAsync(
            new EndConferenceCommand { CommandId = "cmd-14", ConferenceId = ConferenceId }, CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal($"Bandwidth answered 404 to end conference {ConferenceId}", error.Message);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Throttling_and_server_errors_are_transient(HttpStatusCode status)
    {
        _server.Respond(status, """{"type":"unavailable","description":"Try again later","id":"x-1"}""");

        var error = await Assert.ThrowsAsync<ProviderException>(() => _provider.ExecuteAsync(
            new HangupCommand { CommandId = "cmd-15", CallId = CallId }, CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Equal(status, error.StatusCode);
    }

    [Fact]
    public async Task Unreachable_api_is_transient()
    {
        Uri closed;
        await using (var stopped = await LoopbackServer.StartAsync())
        {
            closed = stopped.BaseUrl;
        }

        var error = await Assert.ThrowsAsync<ProviderException>(() => CreateProvider(closed).ExecuteAsync(
            new HangupCommand { CommandId = "cmd-16", CallId = CallId }, CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task Timeout_is_transient()
    {
        _server.Respond(HttpStatusCode.OK, delay: TimeSpan.FromSeconds(10));
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(200) };
        var provider = new BandwidthCallProvider(impatient, Settings(_server.BaseUrl), new Uri("https://telephony.example.com/"));

        var error = await Assert.ThrowsAsync<ProviderException>(() => provider.ExecuteAsync(
            new HangupCommand { CommandId = "cmd-17", CallId = CallId }, CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Null(error.StatusCode);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_turned_into_a_provider_error()
    {
        _server.Respond(HttpStatusCode.OK, delay: TimeSpan.FromSeconds(10));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _provider.ExecuteAsync(
            new HangupCommand { CommandId = "cmd-18", CallId = CallId }, cancellation.Token));
    }

    [Fact]
    public async Task Unsupported_command_is_rejected()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _provider.ExecuteAsync(
            new MadeUpCommand { CommandId = "cmd-19" }, CancellationToken.None));
        Assert.Empty(_server.Requests);
    }

    private void AssertRequest(string method, string path, string expectedJson)
    {
        var request = _server.SingleRequest();
        Assert.Equal(method, request.Method);
        Assert.Equal(path, request.Path);
        Assert.Equal(ApiAuthorization, request.Authorization);
        Assert.NotNull(request.ContentType);
        Assert.Equal("application/json", MediaTypeHeaderValue.Parse(request.ContentType).MediaType);
        var expected = JsonNode.Parse(expectedJson);
        var actual = JsonNode.Parse(request.Body);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"Expected {expected?.ToJsonString()} but the body was {request.Body}");
    }

    private BandwidthCallProvider CreateProvider(Uri serverBaseUrl) =>
        new(_httpClient, Settings(serverBaseUrl), new Uri("https://telephony.example.com/"));

    private static BandwidthSettings Settings(Uri serverBaseUrl) => new()
    {
        AccountId = "9900000",
        ApplicationId = "04e88489-df02-4e34-a0ee-27a91849555f",
        Username = "api-user",
        Password = "api-secret",
        CallbackUsername = "bw-callbacks",
        CallbackPassword = "callback-secret",
        ApiBaseUrl = new Uri(serverBaseUrl, "/api/v2"),
        MessagingBaseUrl = new Uri(serverBaseUrl, "/messaging/api/v2"),
    };

    private sealed record MadeUpCommand : CallCommand;
}
