namespace Telephony.Providers.Simulator;

/// <summary>Why a leg left a conference.</summary>
internal enum LeaveReason
{
    /// <summary>The leg hung up or was hung up.</summary>
    HungUp,

    /// <summary>Removed from the conference by a command.</summary>
    Removed,

    /// <summary>Moved elsewhere by a redirect command.</summary>
    Redirected,

    /// <summary>The conference was ended by a command.</summary>
    ConferenceEnded,

    /// <summary>A participant with end-conference-on-exit left.</summary>
    ModeratorLeft,
}
