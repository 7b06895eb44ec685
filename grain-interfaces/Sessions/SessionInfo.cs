namespace Telephony.GrainInterfaces.Sessions;

/// <summary>A call or chat as Evo Voice clients see it; every mutating session endpoint answers with one.</summary>
public sealed record SessionInfo : EntityInfo
{
    /// <summary>Whether the session is live.</summary>
    public SessionDialState DialState { get; init; }

    /// <summary>The state of the session's call.</summary>
    public SessionCallState CallState { get; init; }

    /// <summary>Where the session stands in a queue.</summary>
    public SessionQueueStates QueueState { get; init; }

    /// <summary>The account the session belongs to.</summary>
    public string? AccountId { get; init; }

    /// <summary>The account's name.</summary>
    public string? AccountName { get; init; }

    /// <summary>The customer the session belongs to.</summary>
    public string? CustomerId { get; init; }

    /// <summary>The customer hierarchy, top first.</summary>
    public IReadOnlyList<CustomerBreadcrumb> CustomerBreadcrumb { get; init; } = [];

    /// <summary>The customer's name.</summary>
    public string? CustomerName { get; init; }

    /// <summary>The endpoint the session belongs to.</summary>
    public string? EndpointId { get; init; }

    /// <summary>The endpoint's name.</summary>
    public string? EndpointName { get; init; }

    /// <summary>When the session's call ended.</summary>
    public DateTimeOffset? DateCompleted { get; init; }

    /// <summary>What was dialled (number, user or address).</summary>
    public string? Destination { get; init; }

    /// <summary>The called address.</summary>
    public string? ToAddress { get; init; }

    /// <summary>The calling address.</summary>
    public string? FromAddress { get; init; }

    /// <summary>The caller's name.</summary>
    public string? FromName { get; init; }

    /// <summary>The name of whoever answered.</summary>
    public string? AnsweredByName { get; init; }

    /// <summary>The queue member the session is assigned to.</summary>
    public string? QueueMemberId { get; init; }

    /// <summary>The medium.</summary>
    public FlowChannels Channel { get; init; }

    /// <summary>Whether the session is over.</summary>
    public bool Ended { get; init; }

    /// <summary>How the session ended.</summary>
    public string? Outcome { get; init; }

    /// <summary>The provider's id of the session's main call leg.</summary>
    public string? CallSid { get; init; }

    /// <summary>Data the agent console keeps with the session.</summary>
    public string? ConsoleData { get; init; }

    /// <summary>The hold queue the call waits in.</summary>
    public string? HoldQueueName { get; init; }

    /// <summary>The user who put the call on hold.</summary>
    public string? HeldByUserId { get; init; }

    /// <summary>Why the call is on hold.</summary>
    public SessionHoldReasons HoldReason { get; init; }

    /// <summary>The provider's conference id, once the call is a conference.</summary>
    public string? ConferenceSid { get; init; }

    /// <summary>The name to show for the session.</summary>
    public string? DisplayName { get; init; }

    /// <summary>What happened, oldest first.</summary>
    public IReadOnlyList<SessionLogInfo> Log { get; init; } = [];

    /// <summary>The parties in the session.</summary>
    public IReadOnlyList<SessionMemberInfo> Members { get; init; } = [];

    /// <summary>The number to call back (for SIP-to-user calls).</summary>
    public string? CallbackNumber { get; init; }

    /// <summary>The endpoint that answered.</summary>
    public string? AnsweredById { get; init; }

    /// <summary>Which way the session started.</summary>
    public SessionDirections Direction { get; init; }

    /// <summary>The number the session comes from (SMS chats).</summary>
    public string? FromPhoneNumber { get; init; }

    /// <summary>The call leg of the conference participant added last.</summary>
    public string? MostRecentParticipantCallSid { get; init; }

    /// <summary>Whether nobody answered.</summary>
    public bool WasMissed { get; init; }

    /// <summary>The ring queue the call is in.</summary>
    public string? RingQueueId { get; init; }
}
