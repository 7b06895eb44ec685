using System.Text.Json.Serialization;
using Orleans;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary>One page of <c>GET /sessions</c>, shaped like Evo Voice's list responses.</summary>
[GenerateSerializer, Alias("telephony.ListSessionsResponse"), Immutable]
public sealed record ListSessionsResponse
{
    /// <summary>The sessions on this page.</summary>
    [Id(0)]
    public IReadOnlyList<SessionInfo> Items { get; init; } = [];

    /// <summary>How many sessions match in all (0 with simplified paging).</summary>
    [Id(1)]
    public int TotalCount { get; init; }

    /// <summary>How many pages there are (0 with simplified paging).</summary>
    [Id(2)]
    public int TotalPages { get; init; }

    /// <summary>Whether a further page exists.</summary>
    [Id(3)]
    public bool HasMorePages { get; init; }

    /// <summary>The <c>pageToken</c> that reads the next page; left out on the last, so that page is Evo Voice's shape exactly.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(4)]
    public string? NextPageToken { get; init; }
}
