using Orleans;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary><c>PATCH /sessions/{sessionId}</c>: change some of a session's fields; absent (null) fields stay as they are.</summary>
[GenerateSerializer, Alias("telephony.PatchSession"), Immutable]
public sealed record PatchSession : ISessionRequest
{
    /// <summary>The session.</summary>
    [Id(0)]
    public string? SessionId { get; init; }

    /// <summary>New console data.</summary>
    [Id(1)]
    public string? ConsoleData { get; init; }

    /// <summary>New call state.</summary>
    [Id(2)]
    public SessionCallState? CallState { get; init; }

    /// <summary>New hold reason.</summary>
    [Id(3)]
    public SessionHoldReasons? HoldReason { get; init; }

    /// <summary>New queue state.</summary>
    [Id(4)]
    public SessionQueueStates? QueueState { get; init; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string[]> Validate() =>
        new RequestErrors().Required("sessionId", SessionId).ToDictionary();
}
