namespace Telephony.Providers.Simulator;

/// <summary>Why a conference ended.</summary>
internal enum ConferenceEndReason
{
    /// <summary>The last participant left.</summary>
    LastLeft,

    /// <summary>The last participant was removed.</summary>
    LastKicked,

    /// <summary>A participant with end-conference-on-exit left.</summary>
    EndOnExitLeft,

    /// <summary>A participant with end-conference-on-exit was removed.</summary>
    EndOnExitKicked,

    /// <summary>Ended by a command.</summary>
    EndedViaApi,
}
