using System.Globalization;
using System.Text.Json;
using Telephony.GrainInterfaces.Calls;

namespace Telephony.Providers.Bandwidth;

/// <summary>Turns Bandwidth Voice v2 callback bodies into provider-neutral <see cref="CallEvent"/>s.</summary>
public static class BandwidthCallbackParser
{
    /// <summary>Reads a callback body and normalizes it for our account <paramref name="accountId"/>.</summary>
    /// <exception cref="BandwidthCallbackFormatException">The body is not a JSON object with <c>eventType</c> and <c>eventTime</c>.</exception>
    public static CallEvent Parse(ReadOnlySpan<byte> body, string accountId) => ToCallEvent(Deserialize(body), accountId);

    /// <summary>Reads a callback body as sent, without interpreting it.</summary>
    /// <exception cref="BandwidthCallbackFormatException">The body is not a JSON object of the callback's shape.</exception>
    public static BandwidthCallback Deserialize(ReadOnlySpan<byte> body)
    {
        BandwidthCallback? callback;
        try
        {
            callback = JsonSerializer.Deserialize(body, BandwidthJsonContext.Default.BandwidthCallback);
        }
        catch (JsonException ex)
        {
            throw new BandwidthCallbackFormatException($"The callback body is not a Bandwidth callback JSON object: {ex.Message}", ex);
        }

        return callback ?? throw new BandwidthCallbackFormatException("The callback body is JSON null, not an object.");
    }

    /// <summary>Normalizes a callback for our account <paramref name="accountId"/>; unknown event types and causes become Unknown.</summary>
    /// <exception cref="BandwidthCallbackFormatException">The callback has no <c>eventType</c> or no <c>eventTime</c>, or an id of the wrong shape.</exception>
    public static CallEvent ToCallEvent(BandwidthCallback callback, string accountId)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (string.IsNullOrEmpty(callback.EventType))
        {
            throw new BandwidthCallbackFormatException("The callback has no eventType.");
        }

        if (callback.EventTime is not { } eventTime)
        {
            throw new BandwidthCallbackFormatException("The callback has no eventTime.");
        }

        var type = MapEventType(callback.EventType);
        return new CallEvent
        {
            Provider = ProviderKind.Bandwidth,
            AccountId = accountId,
            Type = type,
            ProviderEventType = callback.EventType,
            EventId = EventId(callback.EventType, callback, eventTime),
            EventTime = eventTime,
            ProviderCallId = Id("callId", callback.CallId),
            ParentCallId = Id("parentCallId", callback.ParentCallId),
            From = callback.From,
            To = callback.To,
            // initiate is only ever sent for calls arriving from outside.
            Direction = MapDirection(callback.Direction) ?? (type == CallEventType.Initiated ? CallDirection.Inbound : null),
            Cause = type is CallEventType.Disconnected or CallEventType.TransferCompleted or CallEventType.TransferDisconnected
                ? MapCause(callback.Cause)
                : null,
            ErrorMessage = callback.ErrorMessage,
            ErrorCode = callback.ErrorId,
            ConferenceId = Id("conferenceId", callback.ConferenceId),
            ConferenceName = Id("name", callback.Name, ProviderIdentifier.MaxConferenceNameLength),
            Tag = callback.Tag,
            Digits = callback.Digits ?? callback.Digit,
        };
    }

    /// <summary>
    /// True when Bandwidth waits for BXML in the response (answer 200 <c>application/xml</c>); false when the
    /// webhook answers 204. Conference events accept either; we answer them 204.
    /// </summary>
    public static bool ExpectsBxml(string eventType) => eventType switch
    {
        BandwidthEventTypes.Initiate
            or BandwidthEventTypes.Answer
            or BandwidthEventTypes.Redirect
            or BandwidthEventTypes.Gather
            or BandwidthEventTypes.RecordingComplete
            or BandwidthEventTypes.TransferAnswer
            or BandwidthEventTypes.TransferComplete
            or BandwidthEventTypes.BridgeComplete
            or BandwidthEventTypes.BridgeTargetComplete => true,
        _ => false,
    };

    /// <summary>Maps a Bandwidth <c>cause</c>; absent or unrecognized values are <see cref="DisconnectCause.Unknown"/>.</summary>
    public static DisconnectCause MapCause(string? cause) => cause switch
    {
        "hangup" => DisconnectCause.Completed,
        "busy" => DisconnectCause.Busy,
        "timeout" => DisconnectCause.NoAnswer,
        "cancel" => DisconnectCause.Canceled,
        "rejected" => DisconnectCause.Rejected,
        "callback-error" or "invalid-bxml" or "application-error" or "account-limit" or "node-capacity-exceeded" or "error"
            => DisconnectCause.Failed,
        _ => DisconnectCause.Unknown,
    };

    private static CallEventType MapEventType(string eventType) => eventType switch
    {
        BandwidthEventTypes.Initiate => CallEventType.Initiated,
        BandwidthEventTypes.Answer => CallEventType.Answered,
        BandwidthEventTypes.Disconnect => CallEventType.Disconnected,
        BandwidthEventTypes.ConferenceCreated => CallEventType.ConferenceCreated,
        BandwidthEventTypes.ConferenceMemberJoin => CallEventType.ConferenceMemberJoined,
        BandwidthEventTypes.ConferenceMemberExit => CallEventType.ConferenceMemberLeft,
        BandwidthEventTypes.ConferenceCompleted => CallEventType.ConferenceCompleted,
        BandwidthEventTypes.TransferAnswer => CallEventType.TransferAnswered,
        BandwidthEventTypes.TransferComplete => CallEventType.TransferCompleted,
        BandwidthEventTypes.TransferDisconnect => CallEventType.TransferDisconnected,
        BandwidthEventTypes.Redirect => CallEventType.Redirected,
        BandwidthEventTypes.Dtmf => CallEventType.Dtmf,
        BandwidthEventTypes.Gather => CallEventType.Gathered,
        _ => CallEventType.Unknown,
    };

    /// <summary>Ids become grain keys and conference names written back into BXML, so their shape is checked where they enter.</summary>
    private static string? Id(string field, string? value, int maxLength = ProviderIdentifier.MaxIdLength) =>
        value is null || ProviderIdentifier.IsValid(value, maxLength)
            ? value
            : throw new BandwidthCallbackFormatException(field, ProviderIdentifier.Invalid(field, maxLength), null);

    private static CallDirection? MapDirection(string? direction) => direction switch
    {
        "inbound" => CallDirection.Inbound,
        "outbound" => CallDirection.Outbound,
        _ => null,
    };

    // Bandwidth numbers nothing, so identity is the event's own coordinates; a redelivery repeats them exactly.
    private static string EventId(string eventType, BandwidthCallback callback, DateTimeOffset eventTime)
    {
        var time = eventTime.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        var isConferenceEvent = eventType.StartsWith("conference", StringComparison.Ordinal);
        var subject = isConferenceEvent ? callback.ConferenceId ?? callback.CallId : callback.CallId ?? callback.ConferenceId;
        var id = $"{eventType}:{subject}:{time}";
        return eventType is BandwidthEventTypes.ConferenceMemberJoin or BandwidthEventTypes.ConferenceMemberExit
            ? $"{id}:{callback.CallId}"
            : id;
    }
}
