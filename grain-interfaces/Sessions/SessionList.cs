namespace Telephony.GrainInterfaces.Sessions;

/// <summary>The answer of <c>GET /sessions/my</c> and <c>GET /sessions/active</c>: <c>{"sessions": [...]}</c>.</summary>
public sealed record SessionList
{
    /// <summary>The sessions.</summary>
    public IReadOnlyList<SessionInfo> Sessions { get; init; } = [];
}
