using Telephony.GrainInterfaces.Calls;
using Telephony.Providers.Twilio;

namespace Telephony.Providers.Tests.Twilio;

/// <summary>How Twilio voice, call status and conference callbacks map to <see cref="CallEvent"/>s.</summary>
public sealed class TwilioCallbackParserTests
{
    private const string AccountId = "acme";
    private const string CallSid = "CA0123456789abcdef0123456789abcdef";
    private const string ConferenceSid = "CF0123456789abcdef0123456789abcdef";
    private static readonly DateTimeOffset ReceivedAt = new(2026, 4, 1, 12, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string> StatusForm(string status, string direction = "outbound-api") => new()
    {
        ["CallSid"] = CallSid,
        ["AccountSid"] = "AC0123456789abcdef0123456789abcdef",
        ["ApiVersion"] = "2010-04-01",
        ["From"] = "+14155550100",
        ["To"] = "+14155550199",
        ["Caller"] = "+14155550100",
        ["Called"] = "+14155550199",
        ["CallStatus"] = status,
        ["Direction"] = direction,
        ["CallbackSource"] = "call-progress-events",
        ["SequenceNumber"] = "2",
        ["Timestamp"] = "Thu, 1 Jun 2017 20:48:32 +0000",
    };

    private static Dictionary<string, string> ConferenceForm(string statusCallbackEvent) => new()
    {
        ["ConferenceSid"] = ConferenceSid,
        ["FriendlyName"] = "session-42",
        ["AccountSid"] = "AC0123456789abcdef0123456789abcdef",
        ["SequenceNumber"] = "7",
        ["Timestamp"] = "Thu, 1 Jun 2017 20:48:32 +0000",
        ["StatusCallbackEvent"] = statusCallbackEvent,
        ["CallSid"] = CallSid,
        ["Muted"] = "false",
        ["Hold"] = "false",
        ["ParticipantLabel"] = "cmd-1",
    };

    [Fact]
    public void Account_sid_is_read_from_the_form()
    {
        Assert.Equal("AC0123456789abcdef0123456789abcdef", TwilioCallbackParser.ReadAccountSid(StatusForm("ringing")));
    }

    [Fact]
    public void Missing_account_sid_cannot_be_read()
    {
        var form = StatusForm("ringing");
        form.Remove("AccountSid");

        var error = Assert.Throws<TwilioCallbackFormatException>(() => TwilioCallbackParser.ReadAccountSid(form));
        Assert.Equal("AccountSid", error.Field);
    }

    [Theory]
    [InlineData("queued", CallEventType.Initiated, null)]
    [InlineData("initiated", CallEventType.Initiated, null)]
    [InlineData("ringing", CallEventType.Ringing, null)]
    [InlineData("in-progress", CallEventType.Answered, null)]
    [InlineData("answered", CallEventType.Answered, null)]
    [InlineData("completed", CallEventType.Disconnected, DisconnectCause.Completed)]
    [InlineData("busy", CallEventType.Disconnected, DisconnectCause.Busy)]
    [InlineData("no-answer", CallEventType.Disconnected, DisconnectCause.NoAnswer)]
    [InlineData("failed", CallEventType.Disconnected, DisconnectCause.Failed)]
    [InlineData("canceled", CallEventType.Disconnected, DisconnectCause.Canceled)]
    [InlineData("on-the-moon", CallEventType.Unknown, null)]
    public void Call_status_maps_to_event_type_and_cause(string status, CallEventType type, DisconnectCause? cause)
    {
        var callEvent = TwilioCallbackParser.ParseCallStatus(StatusForm(status), AccountId, ReceivedAt);

        Assert.Equal(type, callEvent.Type);
        Assert.Equal(cause, callEvent.Cause);
        Assert.Equal(status, callEvent.ProviderEventType);
    }

    [Fact]
    public void Call_status_callback_carries_the_leg_fields()
    {
        var form = StatusForm("ringing");
        form["ParentCallSid"] = "CAparent";

        var callEvent = TwilioCallbackParser.ParseCallStatus(form, AccountId, ReceivedAt);

        Assert.Equal(
            new CallEvent
            {
                Provider = ProviderKind.Twilio,
                AccountId = AccountId,
                Type = CallEventType.Ringing,
                ProviderEventType = "ringing",
                EventId = $"{CallSid}:2",
                EventTime = new DateTimeOffset(2017, 6, 1, 20, 48, 32, TimeSpan.Zero),
                Sequence = 2,
                ProviderCallId = CallSid,
                ParentCallId = "CAparent",
                From = "+14155550100",
                To = "+14155550199",
                Direction = CallDirection.Outbound,
            },
            callEvent);
    }

    [Theory]
    [InlineData("inbound", CallDirection.Inbound)]
    [InlineData("outbound-api", CallDirection.Outbound)]
    [InlineData("outbound-dial", CallDirection.Outbound)]
    [InlineData("trunking-originating", null)]
    public void Direction_maps_to_call_direction(string direction, CallDirection? expected)
    {
        Assert.Equal(expected, TwilioCallbackParser.ParseCallStatus(StatusForm("ringing", direction), AccountId, ReceivedAt).Direction);
    }

    [Fact]
    public void Duplicate_status_delivery_yields_the_same_event_id()
    {
        var first = TwilioCallbackParser.ParseCallStatus(StatusForm("completed"), AccountId, ReceivedAt);
        var second = TwilioCallbackParser.ParseCallStatus(StatusForm("completed"), AccountId, ReceivedAt.AddSeconds(30));

        Assert.Equal(first.EventId, second.EventId);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Status_without_sequence_number_is_identified_by_its_status()
    {
        var form = StatusForm("completed");
        form.Remove("SequenceNumber");

        var callEvent = TwilioCallbackParser.ParseCallStatus(form, AccountId, ReceivedAt);

        Assert.Equal($"{CallSid}:completed", callEvent.EventId);
        Assert.Null(callEvent.Sequence);
    }

    [Fact]
    public void Status_without_timestamp_takes_the_receive_time()
    {
        var form = StatusForm("completed");
        form.Remove("Timestamp");

        Assert.Equal(ReceivedAt, TwilioCallbackParser.ParseCallStatus(form, AccountId, ReceivedAt).EventTime);
    }

    [Theory]
    [InlineData("Thu, 1 Jun 2017 20:48:32 +0000", "2017-06-01T20:48:32+00:00")]
    [InlineData("Thu, 01 Jun 2017 20:48:32 +0000", "2017-06-01T20:48:32+00:00")]
    [InlineData("Tue, 31 Mar 2026 23:05:09 -0730", "2026-03-31T23:05:09-07:30")]
    [InlineData("1 Jun 2017 20:48:32 GMT", "2017-06-01T20:48:32+00:00")]
    [InlineData("Thu, 1 Jun 2017 20:48 +0200", "2017-06-01T20:48:00+02:00")]
    public void Rfc2822_timestamp_becomes_the_event_time(string timestamp, string expected)
    {
        var form = StatusForm("ringing");
        form["Timestamp"] = timestamp;

        var eventTime = TwilioCallbackParser.ParseCallStatus(form, AccountId, ReceivedAt).EventTime;

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), eventTime);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, eventTime.Offset);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2017-06-01T20:48:32Z")]
    [InlineData("Fri, 1 Jun 2017 20:48:32 +0000")]
    [InlineData("Thu, 1 Jun 2017 20:48:32 +2500")]
    public void Unreadable_timestamp_is_malformed(string timestamp)
    {
        var form = StatusForm("ringing");
        form["Timestamp"] = timestamp;

        var error = Assert.Throws<TwilioCallbackFormatException>(() => TwilioCallbackParser.ParseCallStatus(form, AccountId, ReceivedAt));
        Assert.Equal("Timestamp", error.Field);
    }

    [Fact]
    public void Twilio_error_code_is_kept()
    {
        var form = StatusForm("failed");
        form["ErrorCode"] = "13224";
        form["SipResponseCode"] = "404";

        Assert.Equal("13224", TwilioCallbackParser.ParseCallStatus(form, AccountId, ReceivedAt).ErrorCode);
    }

    [Fact]
    public void Failing_sip_response_code_is_kept_when_there_is_no_error_code()
    {
        var form = StatusForm("no-answer");
        form["SipResponseCode"] = "487";

        Assert.Equal("487", TwilioCallbackParser.ParseCallStatus(form, AccountId, ReceivedAt).ErrorCode);
    }

    [Fact]
    public void Successful_sip_response_code_is_no_error()
    {
        var form = StatusForm("completed");
        form["SipResponseCode"] = "200";

        Assert.Null(TwilioCallbackParser.ParseCallStatus(form, AccountId, ReceivedAt).ErrorCode);
    }

    [Theory]
    [InlineData("CallSid")]
    [InlineData("AccountSid")]
    [InlineData("CallStatus")]
    public void Status_callback_without_required_field_is_malformed(string field)
    {
        var form = StatusForm("ringing");
        form.Remove(field);

        var error = Assert.Throws<TwilioCallbackFormatException>(() => TwilioCallbackParser.ParseCallStatus(form, AccountId, ReceivedAt));
        Assert.Equal(field, error.Field);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_required_field_is_malformed()
    {
        var form = StatusForm("ringing");
        form["CallSid"] = "";

        Assert.Equal("CallSid", Assert.Throws<TwilioCallbackFormatException>(() => TwilioCallbackParser.ParseCallStatus(form, AccountId, ReceivedAt)).Field);
    }

    [Theory]
    [InlineData("two")]
    [InlineData("-1")]
    [InlineData("1.5")]
    public void Unreadable_sequence_number_is_malformed(string sequence)
    {
        var form = StatusForm("ringing");
        form["SequenceNumber"] = sequence;

        Assert.Equal("SequenceNumber", Assert.Throws<TwilioCallbackFormatException>(() => TwilioCallbackParser.ParseCallStatus(form, AccountId, ReceivedAt)).Field);
    }

    [Theory]
    [InlineData("ringing")]
    [InlineData("queued")]
    public void Voice_webhook_for_an_arriving_call_is_initiated_inbound(string status)
    {
        var form = StatusForm(status, "inbound");
        form.Remove("SequenceNumber");
        form.Remove("Timestamp");
        form.Remove("CallbackSource");

        Assert.Equal(
            new CallEvent
            {
                Provider = ProviderKind.Twilio,
                AccountId = AccountId,
                Type = CallEventType.Initiated,
                ProviderEventType = status,
                EventId = $"{CallSid}:voice:{status}",
                EventTime = ReceivedAt,
                ProviderCallId = CallSid,
                From = "+14155550100",
                To = "+14155550199",
                Direction = CallDirection.Inbound,
            },
            TwilioCallbackParser.ParseVoiceWebhook(form, AccountId, ReceivedAt));
    }

    [Fact]
    public void Voice_webhook_for_an_answered_outbound_leg_is_answered()
    {
        var form = StatusForm("in-progress", "outbound-api");
        form.Remove("SequenceNumber");

        var callEvent = TwilioCallbackParser.ParseVoiceWebhook(form, AccountId, ReceivedAt);

        Assert.Equal(CallEventType.Answered, callEvent.Type);
        Assert.Equal(CallDirection.Outbound, callEvent.Direction);
        Assert.Equal($"{CallSid}:voice:in-progress", callEvent.EventId);
    }

    [Fact]
    public void Voice_webhook_and_ringing_status_callback_have_different_event_ids()
    {
        var form = StatusForm("ringing", "inbound");
        form.Remove("SequenceNumber");

        Assert.NotEqual(
            TwilioCallbackParser.ParseVoiceWebhook(form, AccountId, ReceivedAt).EventId,
            TwilioCallbackParser.ParseCallStatus(form, AccountId, ReceivedAt).EventId);
    }

    [Fact]
    public void Voice_webhook_without_call_sid_is_malformed()
    {
        var form = StatusForm("ringing", "inbound");
        form.Remove("CallSid");

        Assert.Equal("CallSid", Assert.Throws<TwilioCallbackFormatException>(() => TwilioCallbackParser.ParseVoiceWebhook(form, AccountId, ReceivedAt)).Field);
    }

    [Theory]
    [InlineData("conference-start", CallEventType.ConferenceCreated)]
    [InlineData("conference-end", CallEventType.ConferenceCompleted)]
    [InlineData("participant-join", CallEventType.ConferenceMemberJoined)]
    [InlineData("participant-leave", CallEventType.ConferenceMemberLeft)]
    [InlineData("participant-hold", CallEventType.Hold)]
    [InlineData("participant-unhold", CallEventType.Unhold)]
    [InlineData("participant-mute", CallEventType.Mute)]
    [InlineData("participant-unmute", CallEventType.Unmute)]
    [InlineData("participant-modify", CallEventType.Unknown)]
    [InlineData("participant-speech-start", CallEventType.Unknown)]
    [InlineData("announcement-end", CallEventType.Unknown)]
    [InlineData("something-new", CallEventType.Unknown)]
    public void Conference_event_maps_to_event_type(string statusCallbackEvent, CallEventType type)
    {
        var callEvent = TwilioCallbackParser.ParseConferenceStatus(ConferenceForm(statusCallbackEvent), AccountId, ReceivedAt);

        Assert.Equal(type, callEvent.Type);
        Assert.Equal(statusCallbackEvent, callEvent.ProviderEventType);
    }

    [Fact]
    public void Participant_event_carries_conference_leg_and_label()
    {
        Assert.Equal(
            new CallEvent
            {
                Provider = ProviderKind.Twilio,
                AccountId = AccountId,
                Type = CallEventType.ConferenceMemberJoined,
                ProviderEventType = "participant-join",
                EventId = $"{ConferenceSid}:7:participant-join",
                EventTime = new DateTimeOffset(2017, 6, 1, 20, 48, 32, TimeSpan.Zero),
                Sequence = 7,
                ProviderCallId = CallSid,
                ConferenceId = ConferenceSid,
                ConferenceName = "session-42",
                Tag = "cmd-1",
            },
            TwilioCallbackParser.ParseConferenceStatus(ConferenceForm("participant-join"), AccountId, ReceivedAt));
    }

    [Fact]
    public void Conference_wide_event_needs_no_call_sid()
    {
        var form = ConferenceForm("conference-end");
        form.Remove("CallSid");
        form.Remove("ParticipantLabel");

        var callEvent = TwilioCallbackParser.ParseConferenceStatus(form, AccountId, ReceivedAt);

        Assert.Equal(CallEventType.ConferenceCompleted, callEvent.Type);
        Assert.Null(callEvent.ProviderCallId);
        Assert.Equal(ConferenceSid, callEvent.ConferenceId);
    }

    [Fact]
    public void Duplicate_conference_delivery_yields_the_same_event_id()
    {
        var first = TwilioCallbackParser.ParseConferenceStatus(ConferenceForm("participant-leave"), AccountId, ReceivedAt);
        var second = TwilioCallbackParser.ParseConferenceStatus(ConferenceForm("participant-leave"), AccountId, ReceivedAt.AddMinutes(1));

        Assert.Equal(first.EventId, second.EventId);
        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("ConferenceSid")]
    [InlineData("AccountSid")]
    [InlineData("FriendlyName")]
    [InlineData("StatusCallbackEvent")]
    [InlineData("SequenceNumber")]
    [InlineData("CallSid")]
    public void Conference_callback_without_required_field_is_malformed(string field)
    {
        var form = ConferenceForm("participant-join");
        form.Remove(field);

        var error = Assert.Throws<TwilioCallbackFormatException>(() => TwilioCallbackParser.ParseConferenceStatus(form, AccountId, ReceivedAt));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Unreadable_conference_sequence_number_is_malformed()
    {
        var form = ConferenceForm("participant-join");
        form["SequenceNumber"] = "x";

        Assert.Equal("SequenceNumber", Assert.Throws<TwilioCallbackFormatException>(() => TwilioCallbackParser.ParseConferenceStatus(form, AccountId, ReceivedAt)).Field);
    }
}
