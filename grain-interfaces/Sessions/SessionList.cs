using System.Text.Json.Serialization;
using Orleans;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary>The answer of <c>GET /sessions/my</c> and <c>GET /sessions/active</c>: <c>{"sessions": [...]}</c>, a page at a time.</summary>
[GenerateSerializer, Alias("telephony.SessionList"), Immutable]
public sealed record SessionList
{
    /// <summary>The sessions on this page, newest first.</summary>
    [Id(0)]
    public IReadOnlyList<SessionInfo> Sessions { get; init; } = [];

    /// <summary>The <c>pageToken</c> that reads the next page; left out on the last, so that page is Evo Voice's shape exactly.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(1)]
    public string? NextPageToken { get; init; }

    /// <summary>The next page's URL (this request's, with its <c>pageToken</c>); left out on the last.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(2)]
    public string? NextPageUrl { get; init; }
}
