using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Telephony.GrainInterfaces.Calls;

namespace Telephony.Api.Tests;

public sealed class BandwidthWebhookTests : IAsyncLifetime
{
    private const string CallId = "c-95ac8d6e-1a31c52e-b38f-4198-93c1-51633ec68f8d";

    // The reference's disconnect sample.
    private const string BusyDisconnect = """
        {"eventType":"disconnect","eventTime":"2019-06-20T15:55:55.533Z","accountId":"9900000","applicationId":"7fc9698a-b04a-468b-9e8f-91238c0d0086","from":"+15551112222","to":"+15553334444","direction":"outbound","callId":"c-95ac8d6e-1a31c52e-b38f-4198-93c1-51633ec68f8d","callUrl":"https://voice.bandwidth.com/api/v2/accounts/9900000/calls/c-95ac8d6e-1a31c52e-b38f-4198-93c1-51633ec68f8d","startTime":"2019-06-20T15:54:22.234Z","endTime":"2019-06-20T15:55:54.123Z","cause":"busy","errorMessage":"Callee is busy","errorId":"4642074b-7b58-478b-96e4-3a60955c6765"}
        """;

    private readonly ApiFactory _api = new(WebhookAccounts.Settings());
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _api.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task A_busy_disconnect_reaches_the_call_grain_with_its_error_text()
    {
        var response = await Post(BusyDisconnect);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var leg = await Leg();
        Assert.Equal(CallLegStatus.Disconnected, leg.Status);
        Assert.Equal(DisconnectCause.Busy, leg.Cause);
        Assert.Equal("Callee is busy", leg.ErrorMessage);
        Assert.Equal("acme-bandwidth", leg.AccountId);
    }

    [Fact]
    public async Task A_callback_delivered_twice_has_one_effect()
    {
        await Post(BusyDisconnect);
        await Post(BusyDisconnect);

        Assert.Equal([CallEventType.Disconnected], (await Leg()).History);
    }

    [Fact]
    public async Task An_answer_after_the_disconnect_does_not_revive_the_call()
    {
        await Post(BusyDisconnect);
        var answer = await Post(Event("answer", "2019-06-20T15:55:00.000Z"));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(CallLegStatus.Disconnected, (await Leg()).Status);
    }

    [Fact]
    public async Task An_answer_is_replied_with_bxml_putting_the_call_in_a_conference()
    {
        var response = await Post(Event("answer", "2019-06-20T15:55:00.000Z"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($">call-{CallId}</Conference>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_answer_to_a_conference_dial_joins_the_conference_named_in_the_callback_url()
    {
        var response = await Post(Event("answer", "2019-06-20T15:55:00.000Z"), path: "/webhooks/bandwidth/voice?conference=session-42");

        Assert.Contains(">session-42</Conference>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_member_join_reaches_the_conference_grain()
    {
        const string join = """
            {"conferenceId":"conf-59082d52-4a2ab5be-ce26-43ed-af94-431b8a19d4e3","name":"thisConference","eventType":"conferenceMemberJoin","eventTime":"2019-07-31T13:16:01.324Z","callId":"c-95ac8d6e-1a31c52e-b38f-4198-93c1-51633ec68f8d","to":"+15551112345","from":"+15559998765","tag":"conferenceTag"}
            """;

        var response = await Post(join);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var conference = await _api.Services.GetRequiredService<IGrainFactory>()
            .GetGrain<IConferenceGrain>(CallKeys.Conference(ProviderKind.Bandwidth, "acme-bandwidth", "thisConference")).Get();
        Assert.Equal([CallId], conference.Members);
    }

    [Fact]
    public async Task An_unknown_event_type_is_accepted_and_recorded_as_unknown()
    {
        var response = await Post(Event("holographicProjection", "2019-06-20T15:55:00.000Z"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal([CallEventType.Unknown], (await Leg()).History);
    }

    [Fact]
    public async Task Missing_credentials_are_refused_with_403()
    {
        var response = await Post(BusyDisconnect, credentials: null);

        await AssertProblem(response, HttpStatusCode.Forbidden);
        Assert.Equal(CallLegStatus.None, (await Leg()).Status);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_403()
    {
        var response = await Post(BusyDisconnect, credentials: (WebhookAccounts.BandwidthUser, "guess"));

        await AssertProblem(response, HttpStatusCode.Forbidden);
        Assert.Equal(CallLegStatus.None, (await Leg()).Status);
    }

    [Fact]
    public async Task A_callback_naming_another_bandwidth_account_is_refused_with_403()
    {
        var response = await Post(BusyDisconnect.Replace("\"accountId\":\"9900000\"", "\"accountId\":\"1234567\"", StringComparison.Ordinal));

        await AssertProblem(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_unknown_callback_user_is_404()
    {
        var response = await Post(BusyDisconnect, credentials: ("somebody-else", WebhookAccounts.BandwidthPassword));

        await AssertProblem(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("""{"callId":"c-1"}""")]
    public async Task A_malformed_body_is_400(string body)
    {
        var response = await Post(body);

        await AssertProblem(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("conference=session%2B42", "conference")]
    [InlineData("conference=session%2F42", "conference")]
    [InlineData("transferTo=%2B1555%01", "transferTo")]
    [InlineData("transferTo=%EF%BF%BE%40example.com", "transferTo")]
    [InlineData("transferTo=%2B15557654321&callerId=%2B1%0D", "callerId")]
    public async Task A_query_that_could_not_be_answered_as_asked_is_400_naming_the_parameter_and_changes_nothing(string query, string parameter)
    {
        var response = await Post(Event("answer", "2019-06-20T15:55:00.000Z"), path: $"/webhooks/bandwidth/voice?{query}");

        await AssertRefusedNaming(response, parameter);
    }

    [Theory]
    [InlineData("callId", "c-1\uFFFE")]
    [InlineData("callId", "c+1")]
    [InlineData("parentCallId", "c-\u0007")]
    [InlineData("conferenceId", "conf/1")]
    [InlineData("name", "room\u0000")]
    public async Task An_id_that_could_not_be_written_into_bxml_is_400_naming_the_field_and_changes_nothing(string field, string value)
    {
        var callback = new Dictionary<string, string> { ["eventType"] = "answer", ["eventTime"] = "2019-06-20T15:55:00.000Z", ["accountId"] = "9900000", ["callId"] = CallId };
        callback[field] = value;

        var response = await Post(System.Text.Json.JsonSerializer.Serialize(callback));

        await AssertRefusedNaming(response, field);
    }

    private static string Event(string type, string time) =>
        $$"""{"eventType":"{{type}}","eventTime":"{{time}}","accountId":"9900000","from":"+15551112222","to":"+15553334444","direction":"outbound","callId":"{{CallId}}"}""";

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync());
    }

    /// <summary>A 400 whose problem names <paramref name="field"/> alone, and the call as it was: never reached.</summary>
    private async Task AssertRefusedNaming(HttpResponseMessage response, string field)
    {
        await AssertProblem(response, HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>();
        Assert.Equal([field], problem!.Errors.Keys);
        Assert.Equal(CallLegStatus.None, (await Leg()).Status);
    }

    private Task<HttpResponseMessage> Post(string json, string path = "/webhooks/bandwidth/voice") =>
        Post(json, (WebhookAccounts.BandwidthUser, WebhookAccounts.BandwidthPassword), path);

    private Task<HttpResponseMessage> Post(string json, (string User, string Password)? credentials, string path = "/webhooks/bandwidth/voice")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (credentials is { } c)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{c.User}:{c.Password}")));
        }

        return _client.SendAsync(request);
    }

    private Task<CallLeg> Leg() =>
        _api.Services.GetRequiredService<IGrainFactory>().GetGrain<ICallGrain>(CallKeys.Call(ProviderKind.Bandwidth, CallId)).Get();
}
