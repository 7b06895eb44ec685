namespace Telephony.GrainInterfaces.Calls;

/// <summary>Why a leg ended, normalized across providers.</summary>
public enum DisconnectCause
{
    /// <summary>A cause this version does not know.</summary>
    Unknown,

    /// <summary>Answered, then hung up normally.</summary>
    Completed,

    /// <summary>The far end was busy.</summary>
    Busy,

    /// <summary>Nobody answered in time.</summary>
    NoAnswer,

    /// <summary>The originator gave up before answer.</summary>
    Canceled,

    /// <summary>The far end rejected the call.</summary>
    Rejected,

    /// <summary>The provider could not route or run the call (including bad instructions or limits).</summary>
    Failed,
}
