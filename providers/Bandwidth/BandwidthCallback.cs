namespace Telephony.Providers.Bandwidth;

/// <summary>
/// One Bandwidth Voice v2 callback as posted (camelCase JSON). Every field is optional because
/// Bandwidth's event types carry different subsets and its own samples leave some out.
/// </summary>
public sealed record BandwidthCallback
{
    /// <summary>The event's name, for example <c>answer</c> or <c>conferenceMemberJoin</c>.</summary>
    public string? EventType { get; init; }

    /// <summary>When Bandwidth generated the event (UTC).</summary>
    public DateTimeOffset? EventTime { get; init; }

    /// <summary>Bandwidth's account id (numeric text).</summary>
    public string? AccountId { get; init; }

    /// <summary>The voice application id.</summary>
    public string? ApplicationId { get; init; }

    /// <summary>Caller (E.164).</summary>
    public string? From { get; init; }

    /// <summary>Called party (E.164).</summary>
    public string? To { get; init; }

    /// <summary><c>inbound</c> or <c>outbound</c>.</summary>
    public string? Direction { get; init; }

    /// <summary>The leg's id (<c>c-…</c>).</summary>
    public string? CallId { get; init; }

    /// <summary>The leg's REST URL.</summary>
    public string? CallUrl { get; init; }

    /// <summary>The leg this one was transferred from.</summary>
    public string? ParentCallId { get; init; }

    /// <summary>When an outbound call was queued.</summary>
    public DateTimeOffset? EnqueuedTime { get; init; }

    /// <summary>When the call started.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>When the call was answered.</summary>
    public DateTimeOffset? AnswerTime { get; init; }

    /// <summary>When the call, transfer or recording ended.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>The tag set on the call or conference; absent when unset.</summary>
    public string? Tag { get; init; }

    /// <summary>Why the leg ended, for example <c>hangup</c> or <c>busy</c>.</summary>
    public string? Cause { get; init; }

    /// <summary>Bandwidth's text explaining a failure.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Bandwidth's id of the error event.</summary>
    public string? ErrorId { get; init; }

    /// <summary>Caller id presented on a transfer.</summary>
    public string? TransferCallerId { get; init; }

    /// <summary>Number a transfer dialled.</summary>
    public string? TransferTo { get; init; }

    /// <summary>The digit of a <c>dtmf</c> event.</summary>
    public string? Digit { get; init; }

    /// <summary>The digits of a <c>gather</c> event.</summary>
    public string? Digits { get; init; }

    /// <summary>The digit that ended a gather.</summary>
    public string? TerminatingDigit { get; init; }

    /// <summary>The conference's id (<c>conf-…</c>).</summary>
    public string? ConferenceId { get; init; }

    /// <summary>The conference's name.</summary>
    public string? Name { get; init; }

    /// <summary>Answering-machine detection outcome on <c>answer</c> and <c>machineDetectionComplete</c>.</summary>
    public BandwidthMachineDetectionResult? MachineDetectionResult { get; init; }

    /// <summary>The recording's id (<c>r-…</c>).</summary>
    public string? RecordingId { get; init; }

    /// <summary>Where the recording can be fetched.</summary>
    public string? MediaUrl { get; init; }

    /// <summary>Recording length as an ISO 8601 duration (<c>PT20.056S</c>).</summary>
    public string? Duration { get; init; }

    /// <summary>Recording format, <c>mp3</c> or <c>wav</c>.</summary>
    public string? FileFormat { get; init; }

    /// <summary>Recording status.</summary>
    public string? Status { get; init; }

    /// <summary>SIP User-To-User header of an inbound call.</summary>
    public string? Uui { get; init; }
}
