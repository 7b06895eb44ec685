using Orleans;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary><c>DELETE /sessions/{sessionId}</c>: end a session (hang up its call).</summary>
[GenerateSerializer, Alias("telephony.EndSession"), Immutable]
public sealed record EndSession : ISessionRequest
{
    /// <summary>The session to end.</summary>
    [Id(0)]
    public string? SessionId { get; init; }

    /// <summary>The call leg on the agent's device; the session's own call when absent.</summary>
    [Id(1)]
    public string? CallSid { get; init; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string[]> Validate() =>
        new RequestErrors().Required("sessionId", SessionId).ToDictionary();
}
