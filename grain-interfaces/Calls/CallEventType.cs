namespace Telephony.GrainInterfaces.Calls;

/// <summary>What happened to a call leg or conference, in provider-neutral terms.</summary>
public enum CallEventType
{
    /// <summary>An event type this version does not know (providers add them over time).</summary>
    Unknown,

    /// <summary>The call was created and dialling started (an inbound call arriving is also this).</summary>
    Initiated,

    /// <summary>The far end is ringing.</summary>
    Ringing,

    /// <summary>The far end answered.</summary>
    Answered,

    /// <summary>The leg ended; <see cref="CallEvent.Cause"/> says why.</summary>
    Disconnected,

    /// <summary>A conference started.</summary>
    ConferenceCreated,

    /// <summary>A leg joined a conference.</summary>
    ConferenceMemberJoined,

    /// <summary>A leg left a conference.</summary>
    ConferenceMemberLeft,

    /// <summary>A conference ended.</summary>
    ConferenceCompleted,

    /// <summary>A conference participant was put on hold.</summary>
    Hold,

    /// <summary>A conference participant was taken off hold.</summary>
    Unhold,

    /// <summary>A conference participant was muted.</summary>
    Mute,

    /// <summary>A conference participant was unmuted.</summary>
    Unmute,

    /// <summary>The target of a transfer answered.</summary>
    TransferAnswered,

    /// <summary>A transfer finished (the transferred leg ended or failed).</summary>
    TransferCompleted,

    /// <summary>A transferred leg hung up.</summary>
    TransferDisconnected,

    /// <summary>A call was redirected to new instructions.</summary>
    Redirected,

    /// <summary>A DTMF digit was pressed.</summary>
    Dtmf,

    /// <summary>Digits were gathered.</summary>
    Gathered,
}
