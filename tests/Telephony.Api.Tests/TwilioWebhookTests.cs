using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Telephony.Api.Webhooks;
using Telephony.GrainInterfaces.Calls;
using Telephony.Providers.Twilio;

namespace Telephony.Api.Tests;

public sealed class TwilioWebhookTests : IAsyncLifetime
{
    private const string CallSid = "CA0123456789abcdef0123456789abcdef";
    private readonly ApiFactory _api = new(WebhookAccounts.Settings());
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _api.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task A_signed_status_callback_reaches_the_call_grain()
    {
        var response = await Post("/webhooks/twilio/status", Status("ringing", 1));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var leg = await Leg();
        Assert.Equal(CallLegStatus.Ringing, leg.Status);
        Assert.Equal("acme-twilio", leg.AccountId);
        Assert.Equal([CallEventType.Ringing], leg.History);
    }

    [Fact]
    public async Task A_callback_delivered_twice_has_one_effect()
    {
        await Post("/webhooks/twilio/status", Status("ringing", 1));
        var again = await Post("/webhooks/twilio/status", Status("ringing", 1));

        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.Equal([CallEventType.Ringing], (await Leg()).History);
    }

    [Fact]
    public async Task A_late_callback_never_moves_the_call_backwards()
    {
        await Post("/webhooks/twilio/status", Status("in-progress", 2));
        await Post("/webhooks/twilio/status", Status("ringing", 1));
        await Post("/webhooks/twilio/status", Status("completed", 3));
        await Post("/webhooks/twilio/status", Status("in-progress", 2));

        var leg = await Leg();
        Assert.Equal(CallLegStatus.Disconnected, leg.Status);
        Assert.Equal(DisconnectCause.Completed, leg.Cause);
        Assert.Equal([CallEventType.Answered, CallEventType.Disconnected], leg.History);
    }

    [Fact]
    public async Task An_unknown_call_status_is_accepted_and_recorded_as_unknown()
    {
        var response = await Post("/webhooks/twilio/status", Status("teleported", 4));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal([CallEventType.Unknown], (await Leg()).History);
    }

    [Theory]
    [InlineData("https://telephony.example.com:443")]
    [InlineData("https://telephony.example.com")]
    public async Task The_public_url_is_accepted_with_and_without_its_default_port(string signedBase)
    {
        var form = Status("ringing", 1);

        var response = await Post("/webhooks/twilio/status", form, TwilioSignature.Compute(WebhookAccounts.TwilioAuthToken, signedBase + "/webhooks/twilio/status", form));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task A_callback_url_with_a_query_is_checked_with_its_query()
    {
        var form = Status("ringing", 1);

        var withoutQuery = await Post("/webhooks/twilio/status?attempt=2", form, Sign("/webhooks/twilio/status", form));
        var withQuery = await Post("/webhooks/twilio/status?attempt=2", form);

        await AssertProblem(withoutQuery, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, withQuery.StatusCode);
    }

    [Fact]
    public async Task A_repeated_form_field_is_signed_once_per_value()
    {
        var form = Status("ringing", 1);
        KeyValuePair<string, string>[] fields = [.. form, new("StirPassportToken", "b"), new("StirPassportToken", "a")];
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/twilio/status") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(WebhookAccounts.TwilioAuthToken, WebhookAccounts.PublicBaseUrl + "/webhooks/twilio/status", fields));

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(CallLegStatus.Ringing, (await Leg()).Status);
    }

    [Fact]
    public async Task A_changed_parameter_is_refused_with_403_and_no_state_change()
    {
        var form = Status("ringing", 1);
        var signature = Sign("/webhooks/twilio/status", form);
        form["CallStatus"] = "completed";

        var response = await Post("/webhooks/twilio/status", form, signature);

        await AssertProblem(response, HttpStatusCode.Forbidden);
        Assert.Equal(CallLegStatus.None, (await Leg()).Status);
    }

    [Fact]
    public async Task A_missing_signature_is_refused_with_403()
    {
        var response = await Post("/webhooks/twilio/status", Status("ringing", 1), signature: string.Empty);

        await AssertProblem(response, HttpStatusCode.Forbidden);
        Assert.Equal(CallLegStatus.None, (await Leg()).Status);
    }

    [Fact]
    public async Task A_signature_made_with_another_token_is_refused_with_403()
    {
        var form = Status("ringing", 1);

        var response = await Post("/webhooks/twilio/status", form, TwilioSignature.Compute("not-the-token", WebhookAccounts.PublicBaseUrl + "/webhooks/twilio/status", form));

        await AssertProblem(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_callback_for_an_unknown_account_is_404()
    {
        var form = Status("ringing", 1);
        form["AccountSid"] = "AC99999999999999999999999999999999";

        var response = await Post("/webhooks/twilio/status", form);

        await AssertProblem(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_malformed_callback_is_400_naming_the_field()
    {
        var form = Status("ringing", 1);
        form.Remove("CallSid");

        var response = await Post("/webhooks/twilio/status", form);

        await AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.Contains("CallSid", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_a_form_is_400()
    {
        var response = await _client.PostAsync("/webhooks/twilio/status", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        await AssertProblem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_multipart_form_is_400_because_twilio_only_sends_url_encoded_forms()
    {
        var form = Status("ringing", 1);
        var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in form)
        {
            multipart.Add(new StringContent(value), name);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/twilio/status") { Content = multipart };
        request.Headers.Add(TwilioSignature.HeaderName, Sign("/webhooks/twilio/status", form));

        var response = await _client.SendAsync(request);

        await AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.Equal(CallLegStatus.None, (await Leg()).Status);
    }

    [Fact]
    public async Task A_long_callback_is_read_whole_and_accepted()
    {
        var form = Status("ringing", 1);
        form["Padding"] = new string('x', WebhookBody.MaxBytes - 4 * 1024);

        var response = await Post("/webhooks/twilio/status", form);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(CallLegStatus.Ringing, (await Leg()).Status);
    }

    [Fact]
    public async Task A_body_larger_than_any_callback_is_413_and_changes_nothing()
    {
        var form = Status("ringing", 1);
        form["Padding"] = new string('x', WebhookBody.MaxBytes);

        var response = await Post("/webhooks/twilio/status", form);

        await AssertProblem(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains($"The body must be at most {WebhookBody.MaxBytes} bytes.", await response.Content.ReadAsStringAsync());
        Assert.Equal(CallLegStatus.None, (await Leg()).Status);
    }

    [Fact]
    public async Task An_incoming_call_starts_a_session_and_is_answered_with_twiml_putting_it_in_the_session_conference()
    {
        var form = new Dictionary<string, string>
        {
            ["CallSid"] = CallSid,
            ["AccountSid"] = WebhookAccounts.TwilioAccountSid,
            ["From"] = "+15551230001",
            ["To"] = "+15557654321",
            ["CallStatus"] = "ringing",
            ["Direction"] = "inbound",
            ["ApiVersion"] = "2010-04-01",
        };

        var response = await Post("/webhooks/twilio/voice", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var twiml = await response.Content.ReadAsStringAsync();
        var leg = await Leg();
        Assert.NotNull(leg.SessionId);
        Assert.Contains($">{CallKeys.ConferenceOfSession(leg.SessionId)}</Conference>", twiml);
        Assert.Contains("statusCallback=\"https://telephony.example.com/webhooks/twilio/conference\"", twiml);
        Assert.Equal(CallLegStatus.Initiated, leg.Status);
    }

    [Fact]
    public async Task Conference_callbacks_track_membership_and_a_late_join_does_not_re_add_a_member()
    {
        await Post("/webhooks/twilio/conference", ConferenceEvent("conference-start", 1, callSid: null));
        await Post("/webhooks/twilio/conference", ConferenceEvent("participant-leave", 3, CallSid));
        await Post("/webhooks/twilio/conference", ConferenceEvent("participant-join", 2, CallSid));

        var conference = await _api.Services.GetRequiredService<IGrainFactory>()
            .GetGrain<IConferenceGrain>(CallKeys.Conference(ProviderKind.Twilio, "acme-twilio", "room-1")).Get();
        Assert.Equal(ConferenceStatus.Created, conference.Status);
        Assert.Empty(conference.Members);
        Assert.Equal([CallEventType.ConferenceCreated, CallEventType.ConferenceMemberLeft], conference.History);
    }

    [Theory]
    [InlineData("/webhooks/twilio/voice", "CallSid", "CA\uFFFE1")]
    [InlineData("/webhooks/twilio/voice", "CallSid", "CA\u00011")]
    [InlineData("/webhooks/twilio/voice", "CallSid", "CA+1")]
    [InlineData("/webhooks/twilio/voice", "CallSid", "../CA1")]
    [InlineData("/webhooks/twilio/status", "ParentCallSid", "CA\u001b1")]
    [InlineData("/webhooks/twilio/conference", "FriendlyName", "room\uFFFF")]
    [InlineData("/webhooks/twilio/conference", "ConferenceSid", "CF<1>")]
    public async Task An_id_that_could_not_be_written_into_twiml_is_400_naming_the_field_and_changes_nothing(string path, string field, string value)
    {
        var form = path.EndsWith("conference", StringComparison.Ordinal) ? ConferenceEvent("participant-join", 1, CallSid) : Status("ringing", 1);
        form[field] = value;

        var response = await Post(path, form);

        await AssertProblem(response, HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>();
        Assert.Equal([field], problem!.Errors.Keys);
        Assert.Equal(CallLegStatus.None, (await Leg()).Status);
        Assert.Equal(CallLegStatus.None, (await _api.Services.GetRequiredService<IGrainFactory>().GetGrain<ICallGrain>(CallKeys.Call(ProviderKind.Twilio, value)).Get()).Status);
    }

    private static Dictionary<string, string> Status(string status, int sequence) => new()
    {
        ["CallSid"] = CallSid,
        ["AccountSid"] = WebhookAccounts.TwilioAccountSid,
        ["From"] = "+15551230001",
        ["To"] = "+15557654321",
        ["CallStatus"] = status,
        ["Direction"] = "outbound-api",
        ["ApiVersion"] = "2010-04-01",
        ["SequenceNumber"] = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Timestamp"] = "Thu, 1 Jun 2017 20:48:32 +0000",
        ["CallbackSource"] = "call-progress-events",
    };

    private static Dictionary<string, string> ConferenceEvent(string type, int sequence, string? callSid)
    {
        var form = new Dictionary<string, string>
        {
            ["ConferenceSid"] = "CF0123456789abcdef0123456789abcdef",
            ["FriendlyName"] = "room-1",
            ["AccountSid"] = WebhookAccounts.TwilioAccountSid,
            ["SequenceNumber"] = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Timestamp"] = "Thu, 1 Jun 2017 20:48:32 +0000",
            ["StatusCallbackEvent"] = type,
        };
        if (callSid is not null)
        {
            form["CallSid"] = callSid;
            form["Muted"] = "false";
            form["Hold"] = "false";
            form["Coaching"] = "false";
        }

        return form;
    }

    private static string Sign(string path, IDictionary<string, string> form) =>
        TwilioSignature.Compute(WebhookAccounts.TwilioAuthToken, WebhookAccounts.PublicBaseUrl + path, form);

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync());
    }

    private Task<HttpResponseMessage> Post(string path, Dictionary<string, string> form, string? signature = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.HeaderName, signature ?? Sign(path, form));
        return _client.SendAsync(request);
    }

    private Task<CallLeg> Leg() =>
        _api.Services.GetRequiredService<IGrainFactory>().GetGrain<ICallGrain>(CallKeys.Call(ProviderKind.Twilio, CallSid)).Get();
}
