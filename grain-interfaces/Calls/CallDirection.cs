namespace Telephony.GrainInterfaces.Calls;

/// <summary>Which way a leg was placed.</summary>
public enum CallDirection
{
    /// <summary>Placed to us by the outside world.</summary>
    Inbound,

    /// <summary>Placed by us.</summary>
    Outbound,
}
