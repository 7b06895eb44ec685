namespace Telephony.Providers.Bandwidth;

/// <summary>Bandwidth Voice v2 <c>eventType</c> values.</summary>
public static class BandwidthEventTypes
{
    /// <summary>An inbound call arrived.</summary>
    public const string Initiate = "initiate";

    /// <summary>The called party answered.</summary>
    public const string Answer = "answer";

    /// <summary>The leg ended.</summary>
    public const string Disconnect = "disconnect";

    /// <summary>A bridge ended.</summary>
    public const string BridgeComplete = "bridgeComplete";

    /// <summary>The target of a bridge left it.</summary>
    public const string BridgeTargetComplete = "bridgeTargetComplete";

    /// <summary>The call was redirected by an update or a <c>&lt;Redirect&gt;</c>.</summary>
    public const string Redirect = "redirect";

    /// <summary>A gather finished.</summary>
    public const string Gather = "gather";

    /// <summary>A digit was pressed.</summary>
    public const string Dtmf = "dtmf";

    /// <summary>The target of a transfer answered (BXML runs on the B-leg).</summary>
    public const string TransferAnswer = "transferAnswer";

    /// <summary>A transfer finished (BXML runs on the A-leg).</summary>
    public const string TransferComplete = "transferComplete";

    /// <summary>A transferred leg ended.</summary>
    public const string TransferDisconnect = "transferDisconnect";

    /// <summary>Answering-machine detection finished.</summary>
    public const string MachineDetectionComplete = "machineDetectionComplete";

    /// <summary>A recording finished.</summary>
    public const string RecordingComplete = "recordingComplete";

    /// <summary>A recording can be fetched.</summary>
    public const string RecordingAvailable = "recordingAvailable";

    /// <summary>A transcription can be fetched.</summary>
    public const string TranscriptionAvailable = "transcriptionAvailable";

    /// <summary>A conference started.</summary>
    public const string ConferenceCreated = "conferenceCreated";

    /// <summary>A conference was redirected.</summary>
    public const string ConferenceRedirect = "conferenceRedirect";

    /// <summary>A leg joined a conference.</summary>
    public const string ConferenceMemberJoin = "conferenceMemberJoin";

    /// <summary>A leg left a conference.</summary>
    public const string ConferenceMemberExit = "conferenceMemberExit";

    /// <summary>A conference ended.</summary>
    public const string ConferenceCompleted = "conferenceCompleted";

    /// <summary>A conference recording can be fetched.</summary>
    public const string ConferenceRecordingAvailable = "conferenceRecordingAvailable";
}
