using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Telephony.GrainInterfaces.Sessions;

namespace Telephony.Grains.Tests.Sessions;

/// <summary>How session DTOs look on the wire and come back from it.</summary>
public sealed class SessionJsonTests
{
    [Fact]
    public void A_populated_SessionInfo_comes_back_from_JSON_unchanged()
    {
        var original = SessionSamples.Session();
        var json = JsonSerializer.Serialize(original, SessionJsonContext.Default.SessionInfo);

        var read = JsonSerializer.Deserialize(json, SessionJsonContext.Default.SessionInfo)!;

        Assert.Equal(json, JsonSerializer.Serialize(read, SessionJsonContext.Default.SessionInfo));
        Assert.Equal(original with { CustomerBreadcrumb = [], Log = [], Members = [] }, read with { CustomerBreadcrumb = [], Log = [], Members = [] });
        Assert.Equal(original.CustomerBreadcrumb, read.CustomerBreadcrumb);
        Assert.Equal(original.Log, read.Log);
        var member = Assert.Single(read.Members);
        Assert.Equal(SessionSamples.Member() with { ApplicationData = member.ApplicationData }, member);
        Assert.Equal(new Dictionary<string, string> { ["crm"] = "42" }, member.ApplicationData);
    }

    [Fact]
    public void Request_DTOs_come_back_from_JSON_unchanged()
    {
        AssertRoundTrip(SessionSamples.Hold(), SessionJsonContext.Default.HoldSession);
        AssertRoundTrip(new UnholdSession { SessionId = "ses_1", CallSid = "CA_agent" }, SessionJsonContext.Default.UnholdSession);
        AssertRoundTrip(SessionSamples.ConferenceMember(), SessionJsonContext.Default.AddConferenceMember);
        AssertRoundTrip(new RemoveConferenceMember { SessionId = "ses_1", CallSid = "CA_2" }, SessionJsonContext.Default.RemoveConferenceMember);
        AssertRoundTrip(SessionSamples.ChatMember(), SessionJsonContext.Default.InviteChatMember);
        AssertRoundTrip(new DeleteChatMember { SessionId = "ses_1", MemberToRemove = "bob@example.com" }, SessionJsonContext.Default.DeleteChatMember);
        AssertRoundTrip(new RedirectSession { SessionId = "ses_1", Destination = "+15551230000", CallerId = "+15557654321" }, SessionJsonContext.Default.RedirectSession);
        AssertRoundTrip(new EndSession { SessionId = "ses_1", CallSid = "CA_agent" }, SessionJsonContext.Default.EndSession);
        AssertRoundTrip(new GetSession { SessionId = "ses_1" }, SessionJsonContext.Default.GetSession);
        AssertRoundTrip(new NewSession { Channel = FlowChannels.Chat, Destination = "bob@example.com", CallerId = "+15557654321" }, SessionJsonContext.Default.NewSession);
        AssertRoundTrip(new NewOutgoingSession { NumberToDial = "+15551230000", CallerId = "+15557654321" }, SessionJsonContext.Default.NewOutgoingSession);
        AssertRoundTrip(
            new PatchSession { SessionId = "ses_1", ConsoleData = "x", CallState = SessionCallState.Hold, HoldReason = SessionHoldReasons.Transferring, QueueState = SessionQueueStates.Hold },
            SessionJsonContext.Default.PatchSession);
        AssertRoundTrip(
            new ListSessions { Ended = true, Channel = FlowChannels.Voice, From = "555", To = "+1", StartDate = "2025-03-01", EndDate = "2025-03-31", Page = 2, CountPerPage = 25, SimplifiedPaging = true },
            SessionJsonContext.Default.ListSessions);
    }

    [Fact]
    public void Enums_are_written_as_their_seed_names()
    {
        Assert.Equal(
            """{"callSid":"CA_agent","sessionId":"ses_1","reason":"Transferring"}""",
            JsonSerializer.Serialize(SessionSamples.Hold(), SessionJsonContext.Default.HoldSession));
        Assert.Equal("\"Passive\"", JsonSerializer.Serialize(SessionCallState.Passive, SessionJsonContext.Default.SessionCallState));
    }

    [Fact]
    public void Every_field_is_written_even_when_null()
    {
        Assert.Equal(
            """{"sessionId":null,"consoleData":null,"callState":null,"holdReason":null,"queueState":null}""",
            JsonSerializer.Serialize(new PatchSession(), SessionJsonContext.Default.PatchSession));
        Assert.Equal(
            """{"identity":null,"endpointId":null,"displayName":null,"isOriginalMember":false,"avatarUrl":null,"applicationData":{},"callState":"None","role":"None","callSid":null,"muted":false}""",
            JsonSerializer.Serialize(new SessionMemberInfo(), SessionJsonContext.Default.SessionMemberInfo));
    }

    [Fact]
    public void Dates_are_written_as_ISO_8601_strings()
    {
        var entry = new SessionLogInfo { Date = new DateTimeOffset(2025, 3, 4, 10, 15, 30, TimeSpan.FromHours(-5)), Message = "Held" };

        Assert.Equal(
            """{"date":"2025-03-04T10:15:30-05:00","message":"Held"}""",
            JsonSerializer.Serialize(entry, SessionJsonContext.Default.SessionLogInfo));
    }

    [Fact]
    public void My_and_active_sessions_are_an_object_with_a_sessions_array()
    {
        var json = JsonSerializer.Serialize(new SessionList { Sessions = [new SessionInfo { Id = "ses_1" }] }, SessionJsonContext.Default.SessionList);

        using var document = JsonDocument.Parse(json);
        Assert.Equal(["sessions"], JsonShape.Keys(document.RootElement));
        Assert.Equal("ses_1", document.RootElement.GetProperty("sessions")[0].GetProperty("id").GetString());
        Assert.Equal("""{"sessions":[]}""", JsonSerializer.Serialize(new SessionList(), SessionJsonContext.Default.SessionList));
    }

    [Fact]
    public void A_page_of_sessions_has_items_and_Evo_Voice_paging_fields()
    {
        var page = new ListSessionsResponse { Items = [new SessionInfo()], TotalCount = 51, TotalPages = 3, HasMorePages = true };

        using var document = JsonDocument.Parse(JsonSerializer.Serialize(page, SessionJsonContext.Default.ListSessionsResponse));
        Assert.Equal(["hasMorePages", "items", "totalCount", "totalPages"], JsonShape.Keys(document.RootElement));
        Assert.Equal(1, document.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(51, document.RootElement.GetProperty("totalCount").GetInt32());
        Assert.Equal(3, document.RootElement.GetProperty("totalPages").GetInt32());
        Assert.True(document.RootElement.GetProperty("hasMorePages").GetBoolean());
    }

    [Fact]
    public void A_page_with_more_after_it_adds_the_next_pages_token_and_url_to_the_seed_fields()
    {
        var list = new SessionList { NextPageToken = "AQ", NextPageUrl = "/sessions/active?pageToken=AQ" };
        var page = new ListSessionsResponse { HasMorePages = true, NextPageToken = "AQ" };

        Assert.Equal(
            """{"sessions":[],"nextPageToken":"AQ","nextPageUrl":"/sessions/active?pageToken=AQ"}""",
            JsonSerializer.Serialize(list, SessionJsonContext.Default.SessionList));
        Assert.Equal(
            """{"items":[],"totalCount":0,"totalPages":0,"hasMorePages":true,"nextPageToken":"AQ"}""",
            JsonSerializer.Serialize(page, SessionJsonContext.Default.ListSessionsResponse));
    }

    [Fact]
    public void Enum_names_and_property_names_are_read_ignoring_case_as_Evo_Voice_does()
    {
        var hold = JsonSerializer.Deserialize("""{"SessionId":"ses_1","CallSid":"CA_1","reason":"transferring"}""", SessionJsonContext.Default.HoldSession);

        Assert.Equal(new HoldSession { SessionId = "ses_1", CallSid = "CA_1", Reason = SessionHoldReasons.Transferring }, hold);
    }

    [Fact]
    public void An_absent_or_null_enum_reads_as_its_first_member_and_a_patch_leaves_it_null()
    {
        Assert.Equal(SessionHoldReasons.None, JsonSerializer.Deserialize("""{"sessionId":"s"}""", SessionJsonContext.Default.HoldSession)!.Reason);
        Assert.Equal(SessionHoldReasons.None, JsonSerializer.Deserialize("""{"reason":null}""", SessionJsonContext.Default.HoldSession)!.Reason);

        var patch = JsonSerializer.Deserialize("""{"callState":"Hold","holdReason":null}""", SessionJsonContext.Default.PatchSession)!;

        Assert.Equal(new PatchSession { CallState = SessionCallState.Hold }, patch);
    }

    [Fact]
    public void Fields_an_Evo_Voice_client_sends_that_we_do_not_model_are_ignored()
    {
        var request = JsonSerializer.Deserialize("""{"flowId":"flow_1","numberToDial":"+15551230000"}""", SessionJsonContext.Default.NewOutgoingSession);

        Assert.Equal(new NewOutgoingSession { NumberToDial = "+15551230000" }, request);
    }

    [Fact]
    public void An_unknown_enum_name_fails_with_the_field_in_the_path()
    {
        var error = Assert.ThrowsAny<JsonException>(() =>
            JsonSerializer.Deserialize("""{"sessionId":"ses_1","reason":"Paused"}""", SessionJsonContext.Default.HoldSession));

        Assert.Equal("$.reason", error.Path);
        Assert.Equal("'Paused' is not one of: None, Transferring.", error.Message);
    }

    [Theory]
    [InlineData("""{"reason":1}""")]
    [InlineData("""{"reason":"1"}""")]
    [InlineData("""{"reason":"None, Transferring"}""")]
    [InlineData("""{"reason":true}""")]
    public void Numbers_and_combined_names_are_not_enum_values(string body)
    {
        var error = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(body, SessionJsonContext.Default.HoldSession));

        Assert.Equal("$.reason", error.Path);
    }

    [Fact]
    public void An_unknown_optional_enum_fails_with_the_field_in_the_path()
    {
        var error = Assert.ThrowsAny<JsonException>(() =>
            JsonSerializer.Deserialize("""{"queueState":"Parked"}""", SessionJsonContext.Default.PatchSession));

        Assert.Equal("$.queueState", error.Path);
    }

    [Fact]
    public void An_unknown_enum_deep_in_a_session_names_the_nested_field()
    {
        var error = Assert.ThrowsAny<JsonException>(() =>
            JsonSerializer.Deserialize("""{"members":[{"role":"Agent"},{"role":"Boss"}]}""", SessionJsonContext.Default.SessionInfo));

        Assert.Equal("$.members[1].role", error.Path);
    }

    [Fact]
    public void A_value_outside_the_enum_cannot_be_written()
    {
        Assert.ThrowsAny<JsonException>(() =>
            JsonSerializer.Serialize(new SessionInfo { CallState = (SessionCallState)42 }, SessionJsonContext.Default.SessionInfo));
    }

    private static void AssertRoundTrip<T>(T value, JsonTypeInfo<T> typeInfo) =>
        Assert.Equal(value, JsonSerializer.Deserialize(JsonSerializer.Serialize(value, typeInfo), typeInfo));
}
