using System.Globalization;
using Telephony.GrainInterfaces.Calls;

namespace Telephony.Providers.Twilio;

/// <summary>
/// Turns Twilio webhook form fields (name → value, ordinal names as Twilio spells them) into provider-neutral
/// <see cref="CallEvent"/>s. Unknown statuses and events become <see cref="CallEventType.Unknown"/>; missing or
/// unreadable required fields throw <see cref="TwilioCallbackFormatException"/>.
/// </summary>
public static class TwilioCallbackParser
{
    /// <summary>The account SID the callback belongs to; webhooks find their account by it.</summary>
    public static string ReadAccountSid(IReadOnlyDictionary<string, string> form) => Required(form, "AccountSid");

    /// <summary>
    /// A voice webhook (Twilio asking for TwiML): an arriving call (<c>ringing</c>/<c>queued</c>) is
    /// <see cref="CallEventType.Initiated"/>, an answered outbound leg (<c>in-progress</c>) is <see cref="CallEventType.Answered"/>.
    /// </summary>
    /// <param name="form">The request's form fields.</param>
    /// <param name="accountId">Our id of the account the callback belongs to.</param>
    /// <param name="receivedAt">Event time used when the callback carries no <c>Timestamp</c>.</param>
    public static CallEvent ParseVoiceWebhook(IReadOnlyDictionary<string, string> form, string accountId, DateTimeOffset receivedAt)
    {
        var call = ReadCallFields(form);
        var (type, cause) = call.Status is "ringing" or "queued" ? (CallEventType.Initiated, null) : MapCallStatus(call.Status);
        // Distinct from status callback ids: the same call also reports "ringing" through its status callback.
        return ToEvent(form, call, accountId, receivedAt, type, cause, $"{call.CallSid}:voice:{call.Status}");
    }

    /// <summary>A call status callback (<c>StatusCallback</c>): one progress event of one leg.</summary>
    /// <param name="form">The request's form fields.</param>
    /// <param name="accountId">Our id of the account the callback belongs to.</param>
    /// <param name="receivedAt">Event time used when the callback carries no <c>Timestamp</c>.</param>
    public static CallEvent ParseCallStatus(IReadOnlyDictionary<string, string> form, string accountId, DateTimeOffset receivedAt)
    {
        var call = ReadCallFields(form);
        var (type, cause) = MapCallStatus(call.Status);
        // Each status happens at most once per leg, so it identifies the event when Twilio sends no sequence number.
        var eventId = call.Sequence is { } sequence ? $"{call.CallSid}:{sequence}" : $"{call.CallSid}:{call.Status}";
        return ToEvent(form, call, accountId, receivedAt, type, cause, eventId);
    }

    /// <summary>A conference status callback (<c>ConferenceStatusCallback</c>): a conference or participant event.</summary>
    /// <param name="form">The request's form fields.</param>
    /// <param name="accountId">Our id of the account the callback belongs to.</param>
    /// <param name="receivedAt">Event time used when the callback carries no <c>Timestamp</c>.</param>
    public static CallEvent ParseConferenceStatus(IReadOnlyDictionary<string, string> form, string accountId, DateTimeOffset receivedAt)
    {
        var conferenceSid = RequiredId(form, "ConferenceSid");
        ReadAccountSid(form);
        var friendlyName = RequiredId(form, "FriendlyName", ProviderIdentifier.MaxConferenceNameLength);
        var statusCallbackEvent = Required(form, "StatusCallbackEvent");
        var sequence = RequiredLong(form, "SequenceNumber");
        var type = MapConferenceEvent(statusCallbackEvent);
        var isParticipantEvent = type is not (CallEventType.Unknown or CallEventType.ConferenceCreated or CallEventType.ConferenceCompleted);
        return new CallEvent
        {
            Provider = ProviderKind.Twilio,
            AccountId = accountId,
            Type = type,
            ProviderEventType = statusCallbackEvent,
            EventId = $"{conferenceSid}:{sequence}:{statusCallbackEvent}",
            EventTime = ReadTimestamp(form) ?? receivedAt,
            Sequence = sequence,
            ProviderCallId = isParticipantEvent ? RequiredId(form, "CallSid") : OptionalId(form, "CallSid"),
            ConferenceId = conferenceSid,
            ConferenceName = friendlyName,
            Tag = Optional(form, "ParticipantLabel"),
        };
    }

    private static CallFields ReadCallFields(IReadOnlyDictionary<string, string> form)
    {
        var callSid = RequiredId(form, "CallSid");
        ReadAccountSid(form);
        return new CallFields(callSid, Required(form, "CallStatus"), OptionalLong(form, "SequenceNumber"));
    }

    private static CallEvent ToEvent(
        IReadOnlyDictionary<string, string> form,
        CallFields call,
        string accountId,
        DateTimeOffset receivedAt,
        CallEventType type,
        DisconnectCause? cause,
        string eventId) => new()
        {
            Provider = ProviderKind.Twilio,
            AccountId = accountId,
            Type = type,
            ProviderEventType = call.Status,
            EventId = eventId,
            EventTime = ReadTimestamp(form) ?? receivedAt,
            Sequence = call.Sequence,
            ProviderCallId = call.CallSid,
            ParentCallId = OptionalId(form, "ParentCallSid"),
            From = Optional(form, "From"),
            To = Optional(form, "To"),
            Direction = MapDirection(Optional(form, "Direction")),
            Cause = cause,
            ErrorCode = ReadErrorCode(form),
        };

    private static (CallEventType Type, DisconnectCause? Cause) MapCallStatus(string status) => status switch
    {
        "queued" or "initiated" => (CallEventType.Initiated, null),
        "ringing" => (CallEventType.Ringing, null),
        "in-progress" or "answered" => (CallEventType.Answered, null),
        "completed" => (CallEventType.Disconnected, DisconnectCause.Completed),
        "busy" => (CallEventType.Disconnected, DisconnectCause.Busy),
        "no-answer" => (CallEventType.Disconnected, DisconnectCause.NoAnswer),
        "failed" => (CallEventType.Disconnected, DisconnectCause.Failed),
        "canceled" => (CallEventType.Disconnected, DisconnectCause.Canceled),
        _ => (CallEventType.Unknown, null),
    };

    private static CallEventType MapConferenceEvent(string statusCallbackEvent) => statusCallbackEvent switch
    {
        "conference-start" => CallEventType.ConferenceCreated,
        "conference-end" => CallEventType.ConferenceCompleted,
        "participant-join" => CallEventType.ConferenceMemberJoined,
        "participant-leave" => CallEventType.ConferenceMemberLeft,
        "participant-hold" => CallEventType.Hold,
        "participant-unhold" => CallEventType.Unhold,
        "participant-mute" => CallEventType.Mute,
        "participant-unmute" => CallEventType.Unmute,
        _ => CallEventType.Unknown,
    };

    private static CallDirection? MapDirection(string? direction) => direction switch
    {
        "inbound" => CallDirection.Inbound,
        not null when direction.StartsWith("outbound-", StringComparison.Ordinal) => CallDirection.Outbound,
        _ => null,
    };

    /// <summary>Twilio's error code, else a failing SIP response code (a 2xx SIP answer is no error).</summary>
    private static string? ReadErrorCode(IReadOnlyDictionary<string, string> form) =>
        Optional(form, "ErrorCode")
        ?? (Optional(form, "SipResponseCode") is { } sip && !sip.StartsWith('2') ? sip : null);

    private static DateTimeOffset? ReadTimestamp(IReadOnlyDictionary<string, string> form)
    {
        if (Optional(form, "Timestamp") is not { } text)
        {
            return null;
        }

        return Rfc2822Date.TryParse(text, out var timestamp)
            ? timestamp
            : throw new TwilioCallbackFormatException("Timestamp", $"Twilio callback field Timestamp is not an RFC 2822 date: '{text}'.");
    }

    private static string? Optional(IReadOnlyDictionary<string, string> form, string field) =>
        form.TryGetValue(field, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    private static string Required(IReadOnlyDictionary<string, string> form, string field) =>
        Optional(form, field) ?? throw new TwilioCallbackFormatException(field, $"Twilio callback lacks required field {field}.");

    private static string? OptionalId(IReadOnlyDictionary<string, string> form, string field, int maxLength = ProviderIdentifier.MaxIdLength) =>
        Optional(form, field) is { } value ? CheckId(field, value, maxLength) : null;

    private static string RequiredId(IReadOnlyDictionary<string, string> form, string field, int maxLength = ProviderIdentifier.MaxIdLength) =>
        CheckId(field, Required(form, field), maxLength);

    /// <summary>Ids become grain keys and conference names written back into TwiML, so their shape is checked where they enter.</summary>
    private static string CheckId(string field, string value, int maxLength) =>
        ProviderIdentifier.IsValid(value, maxLength) ? value : throw new TwilioCallbackFormatException(field, ProviderIdentifier.Invalid(field, maxLength));

    private static long? OptionalLong(IReadOnlyDictionary<string, string> form, string field) =>
        Optional(form, field) is { } text ? ParseLong(field, text) : null;

    private static long RequiredLong(IReadOnlyDictionary<string, string> form, string field) => ParseLong(field, Required(form, field));

    private static long ParseLong(string field, string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new TwilioCallbackFormatException(field, $"Twilio callback field {field} is not a non-negative integer: '{text}'.");

    /// <summary>The fields every call webhook carries.</summary>
    private sealed record CallFields(string CallSid, string Status, long? Sequence);
}
