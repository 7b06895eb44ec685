using Orleans;

namespace Telephony.GrainInterfaces.Calls;

/// <summary>One provider conference (key: <c>{provider}:{accountId}:{conferenceName}</c>, see <see cref="CallKeys"/>).</summary>
[Alias("telephony.IConferenceGrain")]
public interface IConferenceGrain : IGrainWithStringKey
{
    /// <summary>Applies a conference callback once; duplicates and stale ones change nothing.</summary>
    [Alias("Apply")]
    Task Apply(CallEvent callEvent);

    /// <summary>The conference as known now.</summary>
    [Alias("Get")]
    Task<Conference> Get();
}
