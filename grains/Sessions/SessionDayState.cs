using Orleans;
using Telephony.GrainInterfaces.Sessions;

namespace Telephony.Grains.Sessions;

/// <summary>Persistent state of one day of an account's session index.</summary>
[GenerateSerializer, Alias("telephony.state.SessionDayState")]
public sealed class SessionDayState
{
    /// <summary>The day's sessions' summaries by session id.</summary>
    [Id(0)]
    public Dictionary<string, SessionSummary> Sessions { get; set; } = new(StringComparer.Ordinal);
}
