namespace Telephony.GrainInterfaces.Sessions;

/// <summary><c>POST /sessions/{sessionId}/unhold</c>: take a session's call off hold.</summary>
public sealed record UnholdSession : ISessionRequest
{
    /// <summary>The session to take off hold.</summary>
    public string? SessionId { get; init; }

    /// <summary>The call leg on the agent's device; the session's own call when absent.</summary>
    public string? CallSid { get; init; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string[]> Validate() =>
        new RequestErrors().Required("sessionId", SessionId).ToDictionary();
}
