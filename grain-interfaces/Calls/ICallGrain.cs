using Telephony.Runtime;

namespace Telephony.GrainInterfaces.Calls;

/// <summary>One provider call leg (key: <c>{provider}:{providerCallId}</c>, see <see cref="CallKeys"/>).</summary>
public interface ICallGrain : IGrainWithStringKey
{
    /// <summary>Applies a callback once; a duplicate or a stale one changes nothing. Returns what the call should do next.</summary>
    Task<IReadOnlyList<CallInstruction>> Apply(CallEvent callEvent);

    /// <summary>The leg as known now.</summary>
    Task<CallLeg> Get();
}
