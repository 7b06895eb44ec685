namespace Telephony.Runtime.Core;

/// <summary>Where an activation is in its life.</summary>
internal enum ActivationStatus
{
    /// <summary>Created in the directory; the grain is not constructed yet.</summary>
    Created,

    /// <summary>Constructing the grain, loading its state and running OnActivateAsync.</summary>
    Activating,

    /// <summary>Serving turns.</summary>
    Active,

    /// <summary>Running OnDeactivateAsync; new calls wait and are forwarded afterwards.</summary>
    Deactivating,

    /// <summary>Gone; calls that still arrive are forwarded to a new activation.</summary>
    Deactivated,
}
