using Orleans;

namespace Telephony.GrainInterfaces.Health;

/// <summary>Asks a silo whether its grain store answers, for a front door's readiness (a client has no store of its own to ask).</summary>
[Alias("telephony.IStoreProbeGrain")]
public interface IStoreProbeGrain : IGrainWithIntegerKey
{
    /// <summary>Whether the silo's default grain store answered a read.</summary>
    [Alias("StoreAnswers")]
    Task<bool> StoreAnswers();
}
