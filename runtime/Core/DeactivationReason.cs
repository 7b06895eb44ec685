namespace Telephony.Runtime;

/// <summary>Why an activation is being deactivated.</summary>
public enum DeactivationReason
{
    /// <summary>Idle for longer than the collection age.</summary>
    Idle,

    /// <summary>The grain asked for it with DeactivateOnIdle.</summary>
    Requested,

    /// <summary>A state write found a newer version in storage; the next call reloads.</summary>
    StaleState,

    /// <summary>The silo is shutting down.</summary>
    ShuttingDown,
}
