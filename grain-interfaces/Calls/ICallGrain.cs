using Orleans;

namespace Telephony.GrainInterfaces.Calls;

/// <summary>One provider call leg (key: <c>{provider}:{providerCallId}</c>, see <see cref="CallKeys"/>).</summary>
[Alias("telephony.ICallGrain")]
public interface ICallGrain : IGrainWithStringKey
{
    /// <summary>Applies a callback once; a duplicate or a stale one changes nothing. Returns what the call should do next.</summary>
    [Alias("Apply")]
    Task<IReadOnlyList<CallInstruction>> Apply(CallEvent callEvent);

    /// <summary>The leg as known now.</summary>
    [Alias("Get")]
    Task<CallLeg> Get();

    /// <summary>
    /// Makes the leg report to session <paramref name="sessionId"/> from now on and returns where it is, so the
    /// session catches up on callbacks that came before it knew the leg. A leg belongs to one session: attaching it
    /// to another changes nothing and returns null.
    /// </summary>
    [Alias("Attach")]
    Task<CallLegUpdate?> Attach(string sessionId);
}
