using Orleans;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary><c>GET /sessions/{sessionId}</c>: one session.</summary>
[GenerateSerializer, Alias("telephony.GetSession"), Immutable]
public sealed record GetSession : ISessionRequest
{
    /// <summary>The session.</summary>
    [Id(0)]
    public string? SessionId { get; init; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string[]> Validate() =>
        new RequestErrors().Required("sessionId", SessionId).ToDictionary();
}
