using Orleans;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary><c>POST /sessions/{sessionId}/unhold</c>: take a session's call off hold.</summary>
[GenerateSerializer, Alias("telephony.UnholdSession"), Immutable]
public sealed record UnholdSession : ISessionRequest
{
    /// <summary>The session to take off hold.</summary>
    [Id(0)]
    public string? SessionId { get; init; }

    /// <summary>The call leg on the agent's device; the session's own call when absent.</summary>
    [Id(1)]
    public string? CallSid { get; init; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string[]> Validate() =>
        new RequestErrors().Required("sessionId", SessionId).ToDictionary();
}
