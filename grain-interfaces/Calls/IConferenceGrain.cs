using Telephony.Runtime;

namespace Telephony.GrainInterfaces.Calls;

/// <summary>One provider conference (key: <c>{provider}:{accountId}:{conferenceName}</c>, see <see cref="CallKeys"/>).</summary>
public interface IConferenceGrain : IGrainWithStringKey
{
    /// <summary>Applies a conference callback once; duplicates and stale ones change nothing.</summary>
    Task Apply(CallEvent callEvent);

    /// <summary>The conference as known now.</summary>
    Task<Conference> Get();
}
