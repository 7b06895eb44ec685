using System.Globalization;
using Orleans;
using Orleans.Runtime;
using Telephony.GrainInterfaces.Sessions;

namespace Telephony.Grains.Sessions;

/// <summary>
/// An account's session index: the live sessions in full and the days that have sessions, each day kept by its
/// own grain. Sessions call it and it calls only day grains, so no two grains wait on each other.
/// </summary>
[GrainType("sessionindex")]
public sealed class SessionIndexGrain([PersistentState("sessionIndex")] IPersistentState<SessionIndexState> state) : Grain, ISessionIndexGrain
{
    private string GrainKey => field ??= this.GetPrimaryKeyString();

    /// <summary>Sessions per page when a query names no count.</summary>
    public const int DefaultCountPerPage = 25;

    /// <inheritdoc />
    public async Task Track(SessionSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var day = DateOnly.FromDateTime(summary.DateCreated.UtcDateTime);
        await GrainFactory.GetGrain<ISessionDayGrain>(DayKey(GrainKey, day)).Track(summary);
        var dayAdded = state.State.Days.Add(day);

        // Sessions track in their own turns' order, so only a repeated summary can be older than the one held.
        var live = state.State.Live;
        var repeated = live.TryGetValue(summary.SessionId, out var held) && held.Version >= summary.Version;
        if (!repeated && summary.Ended)
        {
            live.Remove(summary.SessionId);
        }
        else if (!repeated)
        {
            live[summary.SessionId] = summary;
        }

        if (!dayAdded && repeated)
        {
            return;
        }

        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> Live(string? userId)
    {
        IReadOnlyList<string> ids = [.. state.State.Live.Values
            .Where(s => userId is null || s.Users.Contains(userId, StringComparer.OrdinalIgnoreCase))
            .OrderByDescending(s => s.DateCreated)
            .Select(s => s.SessionId)];
        return Task.FromResult(ids);
    }

    /// <inheritdoc />
    public async Task<SessionPage> Find(ListSessions query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var start = query.GetStartDate() ?? DateOnly.MinValue;
        var end = query.GetEndDate() ?? DateOnly.MaxValue;
        var days = state.State.Days.GetViewBetween(start, end).Reverse().ToList();
        var perDay = await Task.WhenAll(days.Select(day => GrainFactory.GetGrain<ISessionDayGrain>(DayKey(GrainKey, day)).Find(query)));
        var matches = perDay.SelectMany(found => found).ToList();
        var count = query.CountPerPage ?? DefaultCountPerPage;
        var skip = (long)(query.Page ?? 0) * count;
        var page = matches.Skip((int)Math.Min(skip, int.MaxValue)).Take(count).Select(s => s.SessionId).ToList();
        return new SessionPage(page, matches.Count, skip + count < matches.Count);
    }

    /// <summary>The key of the day grain holding <paramref name="accountId"/>'s sessions of <paramref name="day"/>.</summary>
    public static string DayKey(string accountId, DateOnly day) => $"{accountId}:{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}
