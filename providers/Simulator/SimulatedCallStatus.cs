namespace Telephony.Providers.Simulator;

/// <summary>Where a simulated leg is in its life.</summary>
public enum SimulatedCallStatus
{
    /// <summary>Placed; dialling started.</summary>
    Initiated,

    /// <summary>Ringing at the far end (outbound), or arrived and waiting for our instructions (inbound).</summary>
    Ringing,

    /// <summary>Answered and up.</summary>
    Answered,

    /// <summary>Over; <see cref="SimulatedCall.Cause"/> says why.</summary>
    Ended,
}
