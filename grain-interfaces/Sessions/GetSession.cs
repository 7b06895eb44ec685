namespace Telephony.GrainInterfaces.Sessions;

/// <summary><c>GET /sessions/{sessionId}</c>: one session.</summary>
public sealed record GetSession : ISessionRequest
{
    /// <summary>The session.</summary>
    public string? SessionId { get; init; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string[]> Validate() =>
        new RequestErrors().Required("sessionId", SessionId).ToDictionary();
}
