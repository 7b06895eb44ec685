namespace Telephony.GrainInterfaces.Sessions;

/// <summary>One page of <c>GET /sessions</c>, shaped like Evo Voice's list responses.</summary>
public sealed record ListSessionsResponse
{
    /// <summary>The sessions on this page.</summary>
    public IReadOnlyList<SessionInfo> Items { get; init; } = [];

    /// <summary>How many sessions match in all (0 with simplified paging).</summary>
    public int TotalCount { get; init; }

    /// <summary>How many pages there are (0 with simplified paging).</summary>
    public int TotalPages { get; init; }

    /// <summary>Whether a further page exists.</summary>
    public bool HasMorePages { get; init; }
}
