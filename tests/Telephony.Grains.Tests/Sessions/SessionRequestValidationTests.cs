using Telephony.GrainInterfaces.Sessions;

namespace Telephony.Grains.Tests.Sessions;

/// <summary>Each request reports invalid fields by their wire name, ready for a 400 validation problem.</summary>
public sealed class SessionRequestValidationTests
{
    private const string NumberMessage = "must be a phone number in E.164 format, for example +15551234567.";
    private const string AddressMessage = "must be a phone number in E.164 format (for example +15551234567) or a user id (email).";

    public static TheoryData<string> MalformedNumbers => ["12345", "+0123", "+1 555", "+1555CALLNOW", "1-555-123-4567"];

    [Fact]
    public void A_conference_member_without_a_destination_is_refused_on_destination()
    {
        var errors = new AddConferenceMember { SessionId = "ses_1" }.Validate();

        Assert.Equal(new Dictionary<string, string[]> { ["destination"] = ["'destination' is required."] }, errors);
    }

    [Theory]
    [MemberData(nameof(MalformedNumbers))]
    public void A_conference_member_at_a_malformed_number_is_refused_on_destination(string destination)
    {
        var errors = (SessionSamples.ConferenceMember() with { Destination = destination }).Validate();

        Assert.Equal(new Dictionary<string, string[]> { ["destination"] = [$"'destination' {AddressMessage}"] }, errors);
    }

    [Theory]
    [MemberData(nameof(MalformedNumbers))]
    public void A_malformed_caller_id_is_refused_on_fromNumber(string fromNumber)
    {
        var errors = (SessionSamples.ConferenceMember() with { FromNumber = fromNumber }).Validate();

        Assert.Equal(new Dictionary<string, string[]> { ["fromNumber"] = [$"'fromNumber' {NumberMessage}"] }, errors);
    }

    [Theory]
    [InlineData("+15551234567")]
    [InlineData("alice@example.com")]
    public void A_conference_member_at_a_number_or_a_user_is_valid(string destination)
    {
        Assert.Empty((SessionSamples.ConferenceMember() with { Destination = destination }).Validate());
        Assert.Empty(new AddConferenceMember { SessionId = "ses_1", Destination = destination }.Validate());
    }

    [Fact]
    public void An_empty_conference_request_reports_every_missing_field()
    {
        var errors = new AddConferenceMember().Validate();

        Assert.Equal(
            new Dictionary<string, string[]> { ["sessionId"] = ["'sessionId' is required."], ["destination"] = ["'destination' is required."] },
            errors);
    }

    [Theory]
    [InlineData("+15551234567")]
    [InlineData("bob@example.com")]
    public void A_chat_member_may_be_a_cell_number_or_a_user_id(string member)
    {
        Assert.Empty((SessionSamples.ChatMember() with { MemberToAdd = member }).Validate());
    }

    [Theory]
    [InlineData("bob")]
    [InlineData("5551234567")]
    [InlineData("+1 555 123 4567")]
    public void A_chat_member_that_is_neither_a_number_nor_an_email_is_refused_on_memberToAdd(string member)
    {
        var errors = (SessionSamples.ChatMember() with { MemberToAdd = member }).Validate();

        Assert.Equal(new Dictionary<string, string[]> { ["memberToAdd"] = [$"'memberToAdd' {AddressMessage}"] }, errors);
    }

    [Fact]
    public void A_chat_invitation_needs_a_member_and_texts_from_a_number()
    {
        var errors = new InviteChatMember { SessionId = "ses_1", CallerId = "bob@example.com" }.Validate();

        Assert.Equal(
            new Dictionary<string, string[]> { ["memberToAdd"] = ["'memberToAdd' is required."], ["callerId"] = [$"'callerId' {NumberMessage}"] },
            errors);
    }

    [Fact]
    public void A_blank_optional_caller_id_is_not_taken_as_absent()
    {
        var errors = (SessionSamples.ChatMember() with { CallerId = "" }).Validate();

        Assert.Equal(new Dictionary<string, string[]> { ["callerId"] = [$"'callerId' {NumberMessage}"] }, errors);
    }

    [Fact]
    public void An_outgoing_call_dials_a_number_not_a_user()
    {
        Assert.Empty(new NewOutgoingSession { NumberToDial = "+15551234567", CallerId = "+15557654321" }.Validate());
        Assert.Equal(
            new Dictionary<string, string[]> { ["numberToDial"] = [$"'numberToDial' {NumberMessage}"] },
            new NewOutgoingSession { NumberToDial = "bob@example.com" }.Validate());
        Assert.Equal(
            new Dictionary<string, string[]> { ["numberToDial"] = ["'numberToDial' is required."] },
            new NewOutgoingSession { NumberToDial = " " }.Validate());
    }

    [Theory]
    [MemberData(nameof(MalformedNumbers))]
    public void An_outgoing_call_to_a_malformed_number_is_refused_on_numberToDial(string number)
    {
        Assert.Equal(["numberToDial"], new NewOutgoingSession { NumberToDial = number }.Validate().Keys);
    }

    [Theory]
    [InlineData(FlowChannels.Voice)]
    [InlineData(FlowChannels.Chat)]
    public void A_new_session_is_a_voice_call_or_a_chat(FlowChannels channel)
    {
        Assert.Empty(new NewSession { Channel = channel, Destination = "+15551234567" }.Validate());
    }

    [Fact]
    public void A_new_fax_session_or_one_without_destination_is_refused_on_those_fields()
    {
        var errors = new NewSession { Channel = FlowChannels.Fax, CallerId = "12345" }.Validate();

        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["channel"] = ["'channel' must be Voice or Chat."],
                ["destination"] = ["'destination' is required."],
                ["callerId"] = [$"'callerId' {NumberMessage}"],
            },
            errors);
    }

    [Fact]
    public void A_redirect_needs_a_destination()
    {
        Assert.Equal(["destination"], new RedirectSession { SessionId = "ses_1", CallerId = "+15557654321" }.Validate().Keys);
        Assert.Empty(new RedirectSession { SessionId = "ses_1", Destination = "+15551234567" }.Validate());
    }

    public static TheoryData<ISessionRequest> RequestsWithoutSession =>
    [
        new GetSession(),
        new PatchSession { ConsoleData = "x" },
        new EndSession { CallSid = "CA_1" },
        new HoldSession { CallSid = "CA_1", Reason = SessionHoldReasons.Transferring },
        new UnholdSession { CallSid = "CA_1" },
        new RedirectSession { Destination = "+15551234567" },
        new AddConferenceMember { Destination = "+15551234567" },
        new RemoveConferenceMember { CallSid = "CA_1" },
        new InviteChatMember { MemberToAdd = "bob@example.com" },
        new DeleteChatMember { MemberToRemove = "bob@example.com" },
    ];

    [Theory]
    [MemberData(nameof(RequestsWithoutSession))]
    public void A_request_about_a_session_needs_its_id(ISessionRequest request)
    {
        Assert.Equal(new Dictionary<string, string[]> { ["sessionId"] = ["'sessionId' is required."] }, request.Validate());
    }

    [Fact]
    public void Removing_a_member_needs_the_member()
    {
        Assert.Equal(["callSid"], new RemoveConferenceMember { SessionId = "ses_1" }.Validate().Keys);
        Assert.Equal(["memberToRemove"], new DeleteChatMember { SessionId = "ses_1", MemberToRemove = "" }.Validate().Keys);
    }

    [Fact]
    public void Hold_unhold_end_and_patch_need_nothing_but_the_session()
    {
        Assert.Empty(new HoldSession { SessionId = "ses_1" }.Validate());
        Assert.Empty(new UnholdSession { SessionId = "ses_1" }.Validate());
        Assert.Empty(new EndSession { SessionId = "ses_1" }.Validate());
        Assert.Empty(new PatchSession { SessionId = "ses_1" }.Validate());
    }

    [Fact]
    public void A_session_list_with_sensible_filters_is_valid_and_its_dates_parse()
    {
        var request = new ListSessions { Ended = false, Channel = FlowChannels.Chat, StartDate = "2025-03-01", EndDate = "2025-03-01", Page = 0, CountPerPage = ListSessions.MaxCountPerPage };

        Assert.Empty(request.Validate());
        Assert.Equal(new DateOnly(2025, 3, 1), request.GetStartDate());
        Assert.Equal(new DateOnly(2025, 3, 1), request.GetEndDate());
        Assert.Empty(new ListSessions().Validate());
        Assert.Null(new ListSessions().GetStartDate());
    }

    [Fact]
    public void A_session_list_reports_each_bad_filter_on_its_field()
    {
        var errors = new ListSessions { Channel = (FlowChannels)7, StartDate = "03/01/2025", EndDate = "2025-02-30", Page = -1, CountPerPage = 0 }.Validate();

        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["channel"] = ["'channel' must be one of: Voice, Chat, Fax."],
                ["startDate"] = ["'startDate' must be a date as yyyy-MM-dd."],
                ["endDate"] = ["'endDate' must be a date as yyyy-MM-dd."],
                ["page"] = ["'page' must be 0 or more."],
                ["countPerPage"] = [$"'countPerPage' must be between 1 and {ListSessions.MaxCountPerPage}."],
            },
            errors);
    }

    [Fact]
    public void A_session_list_cannot_end_before_it_starts_or_ask_for_too_many()
    {
        var errors = new ListSessions { StartDate = "2025-03-02", EndDate = "2025-03-01", CountPerPage = ListSessions.MaxCountPerPage + 1 }.Validate();

        Assert.Equal(["endDate", "countPerPage"], errors.Keys);
    }
}
