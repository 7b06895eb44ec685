namespace Telephony.Grains.Sessions;

/// <summary>What a session made of a call leg's report.</summary>
internal enum LegUpdateOutcome
{
    /// <summary>The session changed to follow the leg.</summary>
    Taken,

    /// <summary>The session already had this version of the leg, or a newer one.</summary>
    AlreadyTaken,

    /// <summary>The leg is not one of the session's: nothing changed.</summary>
    NotOurs,
}
