using Orleans;
using Telephony.GrainInterfaces.Sessions;

namespace Telephony.Grains.Sessions;

/// <summary>Persistent state of an account's session index.</summary>
[GenerateSerializer, Alias("telephony.state.SessionIndexState")]
public sealed class SessionIndexState
{
    /// <summary>The live sessions' summaries by session id.</summary>
    [Id(0)]
    public Dictionary<string, SessionSummary> Live { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The UTC days that have sessions.</summary>
    [Id(1)]
    public SortedSet<DateOnly> Days { get; set; } = [];
}
