namespace Telephony.Providers.Simulator;

/// <summary>A participant change a command made.</summary>
internal enum ParticipantChange
{
    /// <summary>Put on hold.</summary>
    Hold,

    /// <summary>Taken off hold.</summary>
    Unhold,

    /// <summary>Muted.</summary>
    Mute,

    /// <summary>Unmuted.</summary>
    Unmute,
}
