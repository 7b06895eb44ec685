using Telephony.GrainInterfaces.Sessions;

namespace Telephony.Grains.Sessions;

/// <summary>Persistent state of an account's session index.</summary>
public sealed class SessionIndexState
{
    /// <summary>The live sessions' summaries by session id.</summary>
    public Dictionary<string, SessionSummary> Live { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The UTC days that have sessions.</summary>
    public SortedSet<DateOnly> Days { get; set; } = [];
}
