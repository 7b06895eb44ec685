namespace Telephony.Runtime.Core;

/// <summary>Finds the activation that should run a call: locally on one silo, or on the owning silo of a cluster.</summary>
internal interface IGrainRouter
{
    Activation Resolve(GrainClass grainClass, string key);
}
