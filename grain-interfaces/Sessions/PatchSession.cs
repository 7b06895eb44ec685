namespace Telephony.GrainInterfaces.Sessions;

/// <summary><c>PATCH /sessions/{sessionId}</c>: change some of a session's fields; absent (null) fields stay as they are.</summary>
public sealed record PatchSession : ISessionRequest
{
    /// <summary>The session.</summary>
    public string? SessionId { get; init; }

    /// <summary>New console data.</summary>
    public string? ConsoleData { get; init; }

    /// <summary>New call state.</summary>
    public SessionCallState? CallState { get; init; }

    /// <summary>New hold reason.</summary>
    public SessionHoldReasons? HoldReason { get; init; }

    /// <summary>New queue state.</summary>
    public SessionQueueStates? QueueState { get; init; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string[]> Validate() =>
        new RequestErrors().Required("sessionId", SessionId).ToDictionary();
}
