using Orleans;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary>The answer of <c>GET /sessions/my</c> and <c>GET /sessions/active</c>: <c>{"sessions": [...]}</c>.</summary>
[GenerateSerializer, Alias("telephony.SessionList"), Immutable]
public sealed record SessionList
{
    /// <summary>The sessions.</summary>
    [Id(0)]
    public IReadOnlyList<SessionInfo> Sessions { get; init; } = [];
}
