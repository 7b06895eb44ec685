using Orleans;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary>What the session list filters on, kept by the account's session index.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="DateCreated">When it started; orders lists, newest first.</param>
/// <param name="Version">How many changes the session has had, so an older summary never replaces a newer one.</param>
/// <param name="Ended">Whether it is over.</param>
/// <param name="Channel">Voice or chat.</param>
/// <param name="FromAddress">Calling address.</param>
/// <param name="ToAddress">Called address.</param>
/// <param name="Users">User ids the session belongs to (its creator and members who are users).</param>
[GenerateSerializer, Alias("telephony.SessionSummary"), Immutable]
public sealed record SessionSummary(
    [Id(0)] string SessionId,
    [Id(1)] DateTimeOffset DateCreated,
    [Id(2)] long Version,
    [Id(3)] bool Ended,
    [Id(4)] FlowChannels Channel,
    [Id(5)] string? FromAddress,
    [Id(6)] string? ToAddress,
    [Id(7)] IReadOnlyList<string> Users)
{
    /// <summary>Whether the session passes the filters of <paramref name="query"/> (not its dates, which pick index days).</summary>
    public bool Matches(ListSessions query) =>
        (query.Ended is not { } ended || ended == Ended)
        && (query.Channel is not { } channel || channel == Channel)
        && Contains(FromAddress, query.From)
        && Contains(ToAddress, query.To);

    private static bool Contains(string? value, string? part) =>
        string.IsNullOrEmpty(part) || (value?.Contains(part, StringComparison.OrdinalIgnoreCase) ?? false);
}
