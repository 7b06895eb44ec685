using Orleans;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary>The summaries of the sessions an account started on one UTC day (key: <c>{accountId}:{yyyy-MM-dd}</c>).</summary>
[Alias("telephony.ISessionDayGrain")]
public interface ISessionDayGrain : IGrainWithStringKey
{
    /// <summary>Records a session's summary; an older version than the one held changes nothing.</summary>
    [Alias("Track")]
    Task Track(SessionSummary summary);

    /// <summary>The day's sessions matching <paramref name="query"/>'s filters, newest first.</summary>
    [Alias("Find")]
    Task<IReadOnlyList<SessionSummary>> Find(ListSessions query);
}
