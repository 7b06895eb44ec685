using Orleans;
using Orleans.Runtime;
using Telephony.GrainInterfaces.Sessions;

namespace Telephony.Grains.Sessions;

/// <summary>The summaries of the sessions an account started on one day; a leaf: it calls no other grain.</summary>
[GrainType("sessionday")]
public sealed class SessionDayGrain([PersistentState("sessionDay")] IPersistentState<SessionDayState> state) : Grain, ISessionDayGrain
{
    /// <inheritdoc />
    public async Task Track(SessionSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (state.State.Sessions.TryGetValue(summary.SessionId, out var held) && held.Version >= summary.Version)
        {
            return;
        }

        state.State.Sessions[summary.SessionId] = summary;
        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SessionSummary>> Find(ListSessions query)
    {
        ArgumentNullException.ThrowIfNull(query);
        IReadOnlyList<SessionSummary> found = [.. state.State.Sessions.Values.Where(s => s.Matches(query)).OrderByDescending(s => s.DateCreated)];
        return Task.FromResult(found);
    }
}
