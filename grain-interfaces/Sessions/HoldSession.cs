namespace Telephony.GrainInterfaces.Sessions;

/// <summary><c>POST /sessions/{sessionId}/hold</c>: put a session's call on hold.</summary>
public sealed record HoldSession : ISessionRequest
{
    /// <summary>The call leg on the agent's device; the session's own call when absent.</summary>
    public string? CallSid { get; init; }

    /// <summary>The session to hold.</summary>
    public string? SessionId { get; init; }

    /// <summary>Why the call is held.</summary>
    public SessionHoldReasons Reason { get; init; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string[]> Validate() =>
        new RequestErrors().Required("sessionId", SessionId).ToDictionary();
}
