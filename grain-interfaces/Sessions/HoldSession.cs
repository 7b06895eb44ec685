using Orleans;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary><c>POST /sessions/{sessionId}/hold</c>: put a session's call on hold.</summary>
[GenerateSerializer, Alias("telephony.HoldSession"), Immutable]
public sealed record HoldSession : ISessionRequest
{
    /// <summary>The call leg on the agent's device; the session's own call when absent.</summary>
    [Id(0)]
    public string? CallSid { get; init; }

    /// <summary>The session to hold.</summary>
    [Id(1)]
    public string? SessionId { get; init; }

    /// <summary>Why the call is held.</summary>
    [Id(2)]
    public SessionHoldReasons Reason { get; init; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string[]> Validate() =>
        new RequestErrors().Required("sessionId", SessionId).ToDictionary();
}
