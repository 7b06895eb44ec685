using System.Text;
using Telephony.GrainInterfaces.Calls;
using Telephony.Providers.Bandwidth;

namespace Telephony.Providers.Tests.Bandwidth;

public sealed class BandwidthCallbackParserTests
{
    private const string AccountId = "acct-1";
    private const string CallId = "c-95ac8d6e-1a31c52e-b38f-4198-93c1-51633ec68f8d";
    private const string ParentCallId = "c-2a913f94-6a486f3a-3cae-4034-bcc3-f0c9fa77ca2f";
    private const string ConferenceId = "conf-59082d52-4a2ab5be-ce26-43ed-af94-431b8a19d4e3";
    private const string EventTimeText = "2019-06-20T15:55:55.533Z";
    private const string EventTimeId = "2019-06-20T15:55:55.5330000Z";
    private static readonly DateTimeOffset EventTime = new(2019, 6, 20, 15, 55, 55, 533, TimeSpan.Zero);

    [Fact]
    public void Documentation_disconnect_sample_is_a_busy_disconnect_with_the_error_kept_verbatim()
    {
        const string body = """
            {"eventType":"disconnect","eventTime":"2019-06-20T15:55:55.533Z","accountId":"55555555","applicationId":"7fc9698a-b04a-468b-9e8f-91238c0d0086","from":"+15551112222","to":"+15553334444","direction":"outbound","callId":"c-95ac8d6e-1a31c52e-b38f-4198-93c1-51633ec68f8d","callUrl":"https://voice.bandwidth.com/api/v2/accounts/55555555/calls/c-95ac8d6e-1a31c52e-b38f-4198-93c1-51633ec68f8d","startTime":"2019-06-20T15:54:22.234Z","endTime":"2019-06-20T15:55:54.123Z","cause":"busy","errorMessage":"Callee is busy","errorId":"4642074b-7b58-478b-96e4-3a60955c6765"}
            """;

        var expected = new CallEvent
        {
            Provider = ProviderKind.Bandwidth,
            AccountId = AccountId,
            Type = CallEventType.Disconnected,
            ProviderEventType = "disconnect",
            EventId = $"disconnect:{CallId}:{EventTimeId}",
            EventTime = EventTime,
            ProviderCallId = CallId,
            From = "+15551112222",
            To = "+15553334444",
            Direction = CallDirection.Outbound,
            Cause = DisconnectCause.Busy,
            ErrorMessage = "Callee is busy",
            ErrorCode = "4642074b-7b58-478b-96e4-3a60955c6765",
        };
        Assert.Equal(expected, Parse(body));
    }

    [Fact]
    public void Documentation_member_join_sample_without_account_or_application_is_a_member_joined()
    {
        const string body = """
            {"conferenceId":"conf-59082d52-4a2ab5be-ce26-43ed-af94-431b8a19d4e3","name":"thisConference","eventType":"conferenceMemberJoin","eventTime":"2019-07-31T13:16:01.324Z","callId":"c-95ac8d6e-1a31c52e-b38f-4198-93c1-51633ec68f8d","to":"+15551112345","from":"+15559998765","tag":"conferenceTag"}
            """;

        var expected = new CallEvent
        {
            Provider = ProviderKind.Bandwidth,
            AccountId = AccountId,
            Type = CallEventType.ConferenceMemberJoined,
            ProviderEventType = "conferenceMemberJoin",
            EventId = $"conferenceMemberJoin:{ConferenceId}:2019-07-31T13:16:01.3240000Z:{CallId}",
            EventTime = new DateTimeOffset(2019, 7, 31, 13, 16, 1, 324, TimeSpan.Zero),
            ProviderCallId = CallId,
            From = "+15559998765",
            To = "+15551112345",
            ConferenceId = ConferenceId,
            ConferenceName = "thisConference",
            Tag = "conferenceTag",
        };
        Assert.Equal(expected, Parse(body));
    }

    [Fact]
    public void Seed_bridge_complete_example_is_unknown_with_its_event_type_and_error_kept_but_no_cause()
    {
        var expected = new CallEvent
        {
            Provider = ProviderKind.Bandwidth,
            AccountId = AccountId,
            Type = CallEventType.Unknown,
            ProviderEventType = "bridgeComplete",
            EventId = "bridgeComplete:c-15ac29a2-1331029c-2cb0-4a07-b215-b22865662d85:2022-06-17T22:19:40.3750000Z",
            EventTime = new DateTimeOffset(2022, 6, 17, 22, 19, 40, 375, TimeSpan.Zero),
            ProviderCallId = "c-15ac29a2-1331029c-2cb0-4a07-b215-b22865662d85",
            From = "+15555555555",
            To = "+15555555555",
            ErrorMessage = "Call c-2a913f94-6a486f3a-3cae-4034-bcc3-f0c9fa77ca2f is already bridged with another call",
            ErrorCode = "4642074b-7b58-478b-96e4-3a60955c6765",
            Tag = "exampleTag",
        };
        Assert.Equal(expected, Parse(SeedExample("bridgeComplete")));
    }

    [Fact]
    public void Seed_example_times_without_seconds_and_null_direction_are_read()
    {
        var callback = BandwidthCallbackParser.Deserialize(Encoding.UTF8.GetBytes(SeedExample("bridgeComplete")));

        var minute = new DateTimeOffset(2022, 6, 17, 22, 20, 0, TimeSpan.Zero);
        Assert.Equal(minute, callback.EnqueuedTime);
        Assert.Equal(minute, callback.AnswerTime);
        Assert.Equal(minute, callback.EndTime);
        Assert.Equal(new DateTimeOffset(2022, 6, 17, 22, 19, 40, 375, TimeSpan.Zero), callback.StartTime);
        Assert.Null(callback.Direction);
        Assert.Equal("9900000", callback.AccountId);
        Assert.Equal("04e88489-df02-4e34-a0ee-27a91849555f", callback.ApplicationId);
        Assert.Equal("https://voice.bandwidth.com/api/v2/accounts/9900000/calls/c-15ac29a2-1331029c-2cb0-4a07-b215-b22865662d85", callback.CallUrl);
    }

    [Fact]
    public void Seed_example_as_a_disconnect_is_busy_with_the_error_message_kept_verbatim()
    {
        var parsed = Parse(SeedExample("disconnect"));

        Assert.Equal(CallEventType.Disconnected, parsed.Type);
        Assert.Equal(DisconnectCause.Busy, parsed.Cause);
        Assert.Equal("Call c-2a913f94-6a486f3a-3cae-4034-bcc3-f0c9fa77ca2f is already bridged with another call", parsed.ErrorMessage);
        Assert.Equal("4642074b-7b58-478b-96e4-3a60955c6765", parsed.ErrorCode);
        Assert.Null(parsed.Direction);
    }

    [Fact]
    public void Initiate_is_an_inbound_initiated_call()
    {
        const string body = $$"""
            {"eventType":"initiate","eventTime":"{{EventTimeText}}","accountId":"9900000","applicationId":"04e88489-df02-4e34-a0ee-27a91849555f","from":"+15551112222","to":"+15553334444","direction":"inbound","callId":"{{CallId}}","callUrl":"https://voice.bandwidth.com/api/v2/accounts/9900000/calls/{{CallId}}","startTime":"{{EventTimeText}}","diversion":{"reason":"unavailable","privacy":"off","origTo":"+15558887777"},"stirShaken":{"verstat":"TN-Verification-Passed","attestationIndicator":"A","originatingId":"abc123"},"uui":"bWFkZSB5b3UgbG9vaw==;encoding=base64"}
            """;

        var expected = CallEventOf(CallEventType.Initiated, "initiate") with { Direction = CallDirection.Inbound, Tag = null };
        Assert.Equal(expected, Parse(body));
    }

    [Fact]
    public void Initiate_without_direction_is_inbound()
    {
        var body = $$"""{"eventType":"initiate","eventTime":"{{EventTimeText}}","callId":"{{CallId}}"}""";

        Assert.Equal(CallDirection.Inbound, Parse(body).Direction);
    }

    [Fact]
    public void Answer_is_answered_and_keeps_the_machine_detection_result()
    {
        var body = CallPayload("answer", ""","machineDetectionResult":{"value":"human","duration":"PT4.98S"}""");

        Assert.Equal(CallEventOf(CallEventType.Answered, "answer"), Parse(body));
        Assert.Equal(
            new BandwidthMachineDetectionResult("human", "PT4.98S"),
            BandwidthCallbackParser.Deserialize(Encoding.UTF8.GetBytes(body)).MachineDetectionResult);
    }

    [Fact]
    public void Machine_detection_complete_is_unknown_with_its_event_type_kept()
    {
        var body = CallPayload("machineDetectionComplete", ""","machineDetectionResult":{"value":"answering-machine","duration":"PT2.01S"}""");

        Assert.Equal(CallEventOf(CallEventType.Unknown, "machineDetectionComplete"), Parse(body));
    }

    [Fact]
    public void Disconnect_is_disconnected_with_the_normalized_cause()
    {
        var body = CallPayload("disconnect", ""","endTime":"2019-06-20T15:55:54.123Z","cause":"hangup" """);

        Assert.Equal(CallEventOf(CallEventType.Disconnected, "disconnect") with { Cause = DisconnectCause.Completed }, Parse(body));
    }

    [Fact]
    public void Bridge_complete_is_unknown_with_the_error_kept_and_no_cause()
    {
        var body = CallPayload("bridgeComplete", ""","cause":"error","errorMessage":"Bridge failed","errorId":"e-1" """);

        var expected = CallEventOf(CallEventType.Unknown, "bridgeComplete") with { ErrorMessage = "Bridge failed", ErrorCode = "e-1" };
        Assert.Equal(expected, Parse(body));
    }

    [Fact]
    public void Bridge_target_complete_is_unknown_with_its_event_type_kept()
    {
        Assert.Equal(CallEventOf(CallEventType.Unknown, "bridgeTargetComplete"), Parse(CallPayload("bridgeTargetComplete")));
    }

    [Fact]
    public void Redirect_is_redirected_with_the_parent_call()
    {
        var body = CallPayload("redirect", $$""","parentCallId":"{{ParentCallId}}","transferCallerId":"+15551112222","transferTo":"+15557654321" """);

        Assert.Equal(CallEventOf(CallEventType.Redirected, "redirect") with { ParentCallId = ParentCallId }, Parse(body));
    }

    [Fact]
    public void Gather_is_gathered_with_its_digits()
    {
        var body = CallPayload("gather", ""","digits":"1234","terminatingDigit":"#" """);

        Assert.Equal(CallEventOf(CallEventType.Gathered, "gather") with { Digits = "1234" }, Parse(body));
    }

    [Fact]
    public void Dtmf_is_dtmf_with_its_digit()
    {
        var body = CallPayload("dtmf", $$""","parentCallId":"{{ParentCallId}}","digit":"5" """);

        Assert.Equal(CallEventOf(CallEventType.Dtmf, "dtmf") with { ParentCallId = ParentCallId, Digits = "5" }, Parse(body));
    }

    [Fact]
    public void Transfer_answer_is_transfer_answered()
    {
        var body = CallPayload("transferAnswer", ""","transferCallerId":"+15551112222","transferTo":"+15557654321" """);

        Assert.Equal(CallEventOf(CallEventType.TransferAnswered, "transferAnswer"), Parse(body));
    }

    [Fact]
    public void Transfer_complete_is_transfer_completed_with_the_normalized_cause_and_error()
    {
        var body = CallPayload(
            "transferComplete",
            ""","transferCallerId":"+15551112222","transferTo":"+15557654321","cause":"timeout","errorMessage":"No answer","errorId":"e-2" """);

        var expected = CallEventOf(CallEventType.TransferCompleted, "transferComplete") with
        {
            Cause = DisconnectCause.NoAnswer,
            ErrorMessage = "No answer",
            ErrorCode = "e-2",
        };
        Assert.Equal(expected, Parse(body));
    }

    [Fact]
    public void Transfer_disconnect_is_transfer_disconnected_with_the_normalized_cause()
    {
        var body = CallPayload(
            "transferDisconnect",
            $$""","parentCallId":"{{ParentCallId}}","transferCallerId":"+15551112222","transferTo":"+15557654321","endTime":"2019-06-20T15:55:54.123Z","cause":"hangup" """);

        var expected = CallEventOf(CallEventType.TransferDisconnected, "transferDisconnect") with
        {
            ParentCallId = ParentCallId,
            Cause = DisconnectCause.Completed,
        };
        Assert.Equal(expected, Parse(body));
    }

    [Theory]
    [InlineData("recordingComplete")]
    [InlineData("recordingAvailable")]
    [InlineData("transcriptionAvailable")]
    public void Recording_events_are_unknown_with_their_event_type_kept(string eventType)
    {
        var body = CallPayload(
            eventType,
            $$""","parentCallId":"{{ParentCallId}}","recordingId":"r-fbe05094-9fd2afe9-bf5b-4c68-820a-41a01c1c5833","mediaUrl":"https://voice.bandwidth.com/api/v2/accounts/9900000/calls/{{CallId}}/recordings/r-fbe05094-9fd2afe9-bf5b-4c68-820a-41a01c1c5833/media","endTime":"2019-06-20T15:55:54.123Z","duration":"PT20.056S","channels":1,"fileFormat":"wav","status":"complete","transcription":{"speaker":"Caller","text":"Hello","confidence":0.9} """);

        Assert.Equal(CallEventOf(CallEventType.Unknown, eventType) with { ParentCallId = ParentCallId }, Parse(body));
    }

    [Theory]
    [InlineData("conferenceCreated", CallEventType.ConferenceCreated)]
    [InlineData("conferenceRedirect", CallEventType.Unknown)]
    [InlineData("conferenceCompleted", CallEventType.ConferenceCompleted)]
    public void Conference_wide_events_carry_the_conference_and_no_call(string eventType, CallEventType type)
    {
        var body = $$"""
            {"eventType":"{{eventType}}","eventTime":"{{EventTimeText}}","conferenceId":"{{ConferenceId}}","name":"session-42","tag":"cmd-7"}
            """;

        var expected = new CallEvent
        {
            Provider = ProviderKind.Bandwidth,
            AccountId = AccountId,
            Type = type,
            ProviderEventType = eventType,
            EventId = $"{eventType}:{ConferenceId}:{EventTimeId}",
            EventTime = EventTime,
            ConferenceId = ConferenceId,
            ConferenceName = "session-42",
            Tag = "cmd-7",
        };
        Assert.Equal(expected, Parse(body));
    }

    [Theory]
    [InlineData("conferenceMemberJoin", CallEventType.ConferenceMemberJoined)]
    [InlineData("conferenceMemberExit", CallEventType.ConferenceMemberLeft)]
    public void Conference_member_events_carry_the_conference_and_the_member_call(string eventType, CallEventType type)
    {
        var body = $$"""
            {"eventType":"{{eventType}}","eventTime":"{{EventTimeText}}","conferenceId":"{{ConferenceId}}","name":"session-42","from":"+15551112222","to":"+15553334444","callId":"{{CallId}}","tag":"cmd-7"}
            """;

        var expected = new CallEvent
        {
            Provider = ProviderKind.Bandwidth,
            AccountId = AccountId,
            Type = type,
            ProviderEventType = eventType,
            EventId = $"{eventType}:{ConferenceId}:{EventTimeId}:{CallId}",
            EventTime = EventTime,
            ProviderCallId = CallId,
            From = "+15551112222",
            To = "+15553334444",
            ConferenceId = ConferenceId,
            ConferenceName = "session-42",
            Tag = "cmd-7",
        };
        Assert.Equal(expected, Parse(body));
    }

    [Fact]
    public void Conference_recording_available_is_unknown_with_its_event_type_kept()
    {
        var body = $$"""
            {"eventType":"conferenceRecordingAvailable","eventTime":"{{EventTimeText}}","conferenceId":"{{ConferenceId}}","name":"session-42","accountId":"9900000","recordingId":"r-1","channels":1,"startTime":"2019-06-20T15:54:22.234Z","endTime":"2019-06-20T15:55:54.123Z","duration":"PT1M32S","mediaUrl":"https://voice.bandwidth.com/media","fileFormat":"wav","status":"complete","tag":"cmd-7"}
            """;

        var parsed = Parse(body);

        Assert.Equal(CallEventType.Unknown, parsed.Type);
        Assert.Equal("conferenceRecordingAvailable", parsed.ProviderEventType);
        Assert.Equal(ConferenceId, parsed.ConferenceId);
        Assert.Equal($"conferenceRecordingAvailable:{ConferenceId}:{EventTimeId}", parsed.EventId);
    }

    [Fact]
    public void Made_up_event_type_is_unknown_with_its_event_type_kept()
    {
        Assert.Equal(CallEventOf(CallEventType.Unknown, "quantumEntangle"), Parse(CallPayload("quantumEntangle")));
    }

    [Theory]
    [InlineData("hangup", DisconnectCause.Completed)]
    [InlineData("busy", DisconnectCause.Busy)]
    [InlineData("timeout", DisconnectCause.NoAnswer)]
    [InlineData("cancel", DisconnectCause.Canceled)]
    [InlineData("rejected", DisconnectCause.Rejected)]
    [InlineData("callback-error", DisconnectCause.Failed)]
    [InlineData("invalid-bxml", DisconnectCause.Failed)]
    [InlineData("application-error", DisconnectCause.Failed)]
    [InlineData("account-limit", DisconnectCause.Failed)]
    [InlineData("node-capacity-exceeded", DisconnectCause.Failed)]
    [InlineData("error", DisconnectCause.Failed)]
    [InlineData("unknown", DisconnectCause.Unknown)]
    [InlineData("solar-flare", DisconnectCause.Unknown)]
    [InlineData("HANGUP", DisconnectCause.Unknown)]
    public void Disconnect_causes_are_normalized(string cause, DisconnectCause expected)
    {
        var parsed = Parse(CallPayload("disconnect", $$""","cause":"{{cause}}" """));

        Assert.Equal(CallEventType.Disconnected, parsed.Type);
        Assert.Equal(expected, parsed.Cause);
    }

    [Fact]
    public void Disconnect_without_a_cause_has_an_unknown_cause()
    {
        Assert.Equal(DisconnectCause.Unknown, Parse(CallPayload("disconnect")).Cause);
    }

    [Fact]
    public void Unrecognized_direction_is_left_unset()
    {
        var body = $$"""{"eventType":"answer","eventTime":"{{EventTimeText}}","callId":"{{CallId}}","direction":"sideways"}""";

        Assert.Null(Parse(body).Direction);
    }

    [Fact]
    public void Payload_with_a_trailing_comma_parses()
    {
        var body = $$"""
            {"eventType":"answer","eventTime":"{{EventTimeText}}","from":"+15551112222","to":"+15553334444","direction":"outbound","callId":"{{CallId}}","tag":"cmd-1",}
            """;

        Assert.Equal(CallEventOf(CallEventType.Answered, "answer"), Parse(body));
    }

    [Fact]
    public void Payload_without_account_or_application_parses()
    {
        var body = $$"""
            {"eventType":"disconnect","eventTime":"{{EventTimeText}}","from":"+15551112222","to":"+15553334444","direction":"outbound","callId":"{{CallId}}","cause":"cancel","tag":"cmd-1"}
            """;

        Assert.Equal(CallEventOf(CallEventType.Disconnected, "disconnect") with { Cause = DisconnectCause.Canceled }, Parse(body));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"eventType\":")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("\"disconnect\"")]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("{\"eventType\":\"answer\",\"eventTime\":\"yesterday\"}")]
    [InlineData("{\"eventType\":42,\"eventTime\":\"2019-06-20T15:55:55.533Z\"}")]
    public void Body_that_is_not_a_callback_object_is_a_format_error(string body)
    {
        Assert.Throws<BandwidthCallbackFormatException>(() => Parse(body));
    }

    [Theory]
    [InlineData("{\"eventTime\":\"2019-06-20T15:55:55.533Z\",\"callId\":\"c-1\"}")]
    [InlineData("{\"eventType\":\"\",\"eventTime\":\"2019-06-20T15:55:55.533Z\",\"callId\":\"c-1\"}")]
    [InlineData("{\"eventType\":null,\"eventTime\":\"2019-06-20T15:55:55.533Z\",\"callId\":\"c-1\"}")]
    public void Callback_without_event_type_is_a_format_error_naming_event_type(string body)
    {
        var error = Assert.Throws<BandwidthCallbackFormatException>(() => Parse(body));

        Assert.Equal("The callback has no eventType.", error.Message);
    }

    [Fact]
    public void Callback_without_event_time_is_a_format_error_naming_event_time()
    {
        var error = Assert.Throws<BandwidthCallbackFormatException>(() => Parse("""{"eventType":"answer","callId":"c-1"}"""));

        Assert.Equal("The callback has no eventTime.", error.Message);
    }

    [Fact]
    public void Same_callback_delivered_twice_has_the_same_event_id()
    {
        var first = Parse(CallPayload("disconnect", ""","cause":"hangup" """));
        var reformatted = $$"""
            {
              "callId": "{{CallId}}",
              "cause": "hangup",
              "eventTime": "2019-06-20T17:55:55.533+02:00",
              "eventType": "disconnect"
            }
            """;

        Assert.Equal(first.EventId, Parse(CallPayload("disconnect", ""","cause":"hangup" """)).EventId);
        Assert.Equal(first.EventId, Parse(reformatted).EventId);
    }

    [Fact]
    public void Different_events_at_the_same_time_have_different_event_ids()
    {
        var answer = Parse(CallPayload("answer"));
        var disconnect = Parse(CallPayload("disconnect"));
        var joinA = Parse(MemberJoin("c-a"));
        var joinB = Parse(MemberJoin("c-b"));

        Assert.NotEqual(answer.EventId, disconnect.EventId);
        Assert.NotEqual(joinA.EventId, joinB.EventId);

        static string MemberJoin(string callId) =>
            $$"""{"eventType":"conferenceMemberJoin","eventTime":"{{EventTimeText}}","conferenceId":"{{ConferenceId}}","callId":"{{callId}}"}""";
    }

    [Theory]
    [InlineData("initiate", true)]
    [InlineData("answer", true)]
    [InlineData("redirect", true)]
    [InlineData("gather", true)]
    [InlineData("recordingComplete", true)]
    [InlineData("transferAnswer", true)]
    [InlineData("transferComplete", true)]
    [InlineData("bridgeComplete", true)]
    [InlineData("bridgeTargetComplete", true)]
    [InlineData("conferenceCreated", false)]
    [InlineData("conferenceMemberJoin", false)]
    [InlineData("conferenceMemberExit", false)]
    [InlineData("conferenceRedirect", false)]
    [InlineData("disconnect", false)]
    [InlineData("conferenceCompleted", false)]
    [InlineData("conferenceRecordingAvailable", false)]
    [InlineData("dtmf", false)]
    [InlineData("machineDetectionComplete", false)]
    [InlineData("recordingAvailable", false)]
    [InlineData("transcriptionAvailable", false)]
    [InlineData("transferDisconnect", false)]
    [InlineData("quantumEntangle", false)]
    public void Synchronous_event_types_expect_bxml_and_the_rest_204(string eventType, bool expectsBxml)
    {
        Assert.Equal(expectsBxml, BandwidthCallbackParser.ExpectsBxml(eventType));
    }

    private static CallEvent Parse(string body) => BandwidthCallbackParser.Parse(Encoding.UTF8.GetBytes(body), AccountId);

    // The "C" fields every call event carries (providers.md section 6), plus the event's own.
    private static string CallPayload(string eventType, string extraFields = "") => $$"""
        {"eventType":"{{eventType}}","eventTime":"{{EventTimeText}}","accountId":"9900000","applicationId":"04e88489-df02-4e34-a0ee-27a91849555f","from":"+15551112222","to":"+15553334444","direction":"outbound","callId":"{{CallId}}","callUrl":"https://voice.bandwidth.com/api/v2/accounts/9900000/calls/{{CallId}}","startTime":"2019-06-20T15:54:22.234Z","enqueuedTime":"2019-06-20T15:54:21.000Z","answerTime":"2019-06-20T15:54:25.432Z","tag":"cmd-1"{{extraFields}}}
        """;

    private static CallEvent CallEventOf(CallEventType type, string eventType) => new()
    {
        Provider = ProviderKind.Bandwidth,
        AccountId = AccountId,
        Type = type,
        ProviderEventType = eventType,
        EventId = $"{eventType}:{CallId}:{EventTimeId}",
        EventTime = EventTime,
        ProviderCallId = CallId,
        From = "+15551112222",
        To = "+15553334444",
        Direction = CallDirection.Outbound,
        Tag = "cmd-1",
    };

    // The seed's DisconnectCallback example in camelCase JSON.
    private static string SeedExample(string eventType) => $$"""
        {"eventType":"{{eventType}}","eventTime":"2022-06-17T22:19:40.375Z","accountId":"9900000","applicationId":"04e88489-df02-4e34-a0ee-27a91849555f","from":"+15555555555","to":"+15555555555","callId":"c-15ac29a2-1331029c-2cb0-4a07-b215-b22865662d85","direction":null,"callUrl":"https://voice.bandwidth.com/api/v2/accounts/9900000/calls/c-15ac29a2-1331029c-2cb0-4a07-b215-b22865662d85","enqueuedTime":"2022-06-17T22:20Z","startTime":"2022-06-17T22:19:40.375Z","answerTime":"2022-06-17T22:20Z","endTime":"2022-06-17T22:20Z","cause":"busy","errorMessage":"Call c-2a913f94-6a486f3a-3cae-4034-bcc3-f0c9fa77ca2f is already bridged with another call","errorId":"4642074b-7b58-478b-96e4-3a60955c6765","tag":"exampleTag"}
        """;
}
