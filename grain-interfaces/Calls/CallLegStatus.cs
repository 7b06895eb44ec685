namespace Telephony.GrainInterfaces.Calls;

/// <summary>Where a call leg is; it only ever moves forward.</summary>
public enum CallLegStatus
{
    /// <summary>Nothing heard yet.</summary>
    None,

    /// <summary>Created or arriving.</summary>
    Initiated,

    /// <summary>Ringing at the far end.</summary>
    Ringing,

    /// <summary>Answered.</summary>
    Answered,

    /// <summary>Ended.</summary>
    Disconnected,
}
