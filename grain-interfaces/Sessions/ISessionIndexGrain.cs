using Orleans;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary>
/// An account's session index (key: account id): the live sessions and the days that have sessions, each day's
/// summaries kept by its own <see cref="ISessionDayGrain"/> so no stored record grows without bound.
/// </summary>
[Alias("telephony.ISessionIndexGrain")]
public interface ISessionIndexGrain : IGrainWithStringKey
{
    /// <summary>Records a session's summary; an older version than the one held changes nothing.</summary>
    [Alias("Track")]
    Task Track(SessionSummary summary);

    /// <summary>The live sessions, newest first; only those of <paramref name="userId"/> when given.</summary>
    [Alias("Live")]
    Task<IReadOnlyList<string>> Live(string? userId);

    /// <summary>One page of the sessions matching <paramref name="query"/>, newest first.</summary>
    [Alias("Find")]
    Task<SessionPage> Find(ListSessions query);
}
