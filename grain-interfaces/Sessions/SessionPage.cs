using Orleans;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary>One page of the session index: the sessions on it, newest first, and the totals.</summary>
/// <param name="SessionIds">The page's sessions.</param>
/// <param name="TotalCount">How many sessions match in all.</param>
/// <param name="HasMorePages">Whether a further page exists.</param>
[GenerateSerializer, Alias("telephony.SessionPage"), Immutable]
public sealed record SessionPage([Id(0)] IReadOnlyList<string> SessionIds, [Id(1)] int TotalCount, [Id(2)] bool HasMorePages);
