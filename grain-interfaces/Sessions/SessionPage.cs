namespace Telephony.GrainInterfaces.Sessions;

/// <summary>One page of the session index: the sessions on it, newest first, and the totals.</summary>
/// <param name="SessionIds">The page's sessions.</param>
/// <param name="TotalCount">How many sessions match in all.</param>
/// <param name="HasMorePages">Whether a further page exists.</param>
public sealed record SessionPage(IReadOnlyList<string> SessionIds, int TotalCount, bool HasMorePages);
