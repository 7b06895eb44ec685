namespace Telephony.GrainInterfaces.Calls;

/// <summary>Where a conference is; it only ever moves forward.</summary>
public enum ConferenceStatus
{
    /// <summary>Nothing heard yet.</summary>
    None,

    /// <summary>Running.</summary>
    Created,

    /// <summary>Ended.</summary>
    Completed,
}
