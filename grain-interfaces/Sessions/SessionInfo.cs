using Orleans;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary>A call or chat as Evo Voice clients see it; every mutating session endpoint answers with one.</summary>
[GenerateSerializer, Alias("telephony.SessionInfo"), Immutable]
public sealed record SessionInfo : EntityInfo
{
    /// <summary>Whether the session is live.</summary>
    [Id(0)]
    public SessionDialState DialState { get; init; }

    /// <summary>The state of the session's call.</summary>
    [Id(1)]
    public SessionCallState CallState { get; init; }

    /// <summary>Where the session stands in a queue.</summary>
    [Id(2)]
    public SessionQueueStates QueueState { get; init; }

    /// <summary>The account the session belongs to.</summary>
    [Id(3)]
    public string? AccountId { get; init; }

    /// <summary>The account's name.</summary>
    [Id(4)]
    public string? AccountName { get; init; }

    /// <summary>The customer the session belongs to.</summary>
    [Id(5)]
    public string? CustomerId { get; init; }

    /// <summary>The customer hierarchy, top first.</summary>
    [Id(6)]
    public IReadOnlyList<CustomerBreadcrumb> CustomerBreadcrumb { get; init; } = [];

    /// <summary>The customer's name.</summary>
    [Id(7)]
    public string? CustomerName { get; init; }

    /// <summary>The endpoint the session belongs to.</summary>
    [Id(8)]
    public string? EndpointId { get; init; }

    /// <summary>The endpoint's name.</summary>
    [Id(9)]
    public string? EndpointName { get; init; }

    /// <summary>When the session's call ended.</summary>
    [Id(10)]
    public DateTimeOffset? DateCompleted { get; init; }

    /// <summary>What was dialled (number, user or address).</summary>
    [Id(11)]
    public string? Destination { get; init; }

    /// <summary>The called address.</summary>
    [Id(12)]
    public string? ToAddress { get; init; }

    /// <summary>The calling address.</summary>
    [Id(13)]
    public string? FromAddress { get; init; }

    /// <summary>The caller's name.</summary>
    [Id(14)]
    public string? FromName { get; init; }

    /// <summary>The name of whoever answered.</summary>
    [Id(15)]
    public string? AnsweredByName { get; init; }

    /// <summary>The queue member the session is assigned to.</summary>
    [Id(16)]
    public string? QueueMemberId { get; init; }

    /// <summary>The medium.</summary>
    [Id(17)]
    public FlowChannels Channel { get; init; }

    /// <summary>Whether the session is over.</summary>
    [Id(18)]
    public bool Ended { get; init; }

    /// <summary>How the session ended.</summary>
    [Id(19)]
    public string? Outcome { get; init; }

    /// <summary>The provider's id of the session's main call leg.</summary>
    [Id(20)]
    public string? CallSid { get; init; }

    /// <summary>Data the agent console keeps with the session.</summary>
    [Id(21)]
    public string? ConsoleData { get; init; }

    /// <summary>The hold queue the call waits in.</summary>
    [Id(22)]
    public string? HoldQueueName { get; init; }

    /// <summary>The user who put the call on hold.</summary>
    [Id(23)]
    public string? HeldByUserId { get; init; }

    /// <summary>Why the call is on hold.</summary>
    [Id(24)]
    public SessionHoldReasons HoldReason { get; init; }

    /// <summary>The provider's conference id, once the call is a conference.</summary>
    [Id(25)]
    public string? ConferenceSid { get; init; }

    /// <summary>The name to show for the session.</summary>
    [Id(26)]
    public string? DisplayName { get; init; }

    /// <summary>What happened, oldest first.</summary>
    [Id(27)]
    public IReadOnlyList<SessionLogInfo> Log { get; init; } = [];

    /// <summary>The parties in the session.</summary>
    [Id(28)]
    public IReadOnlyList<SessionMemberInfo> Members { get; init; } = [];

    /// <summary>The number to call back (for SIP-to-user calls).</summary>
    [Id(29)]
    public string? CallbackNumber { get; init; }

    /// <summary>The endpoint that answered.</summary>
    [Id(30)]
    public string? AnsweredById { get; init; }

    /// <summary>Which way the session started.</summary>
    [Id(31)]
    public SessionDirections Direction { get; init; }

    /// <summary>The number the session comes from (SMS chats).</summary>
    [Id(32)]
    public string? FromPhoneNumber { get; init; }

    /// <summary>The call leg of the conference participant added last.</summary>
    [Id(33)]
    public string? MostRecentParticipantCallSid { get; init; }

    /// <summary>Whether nobody answered.</summary>
    [Id(34)]
    public bool WasMissed { get; init; }

    /// <summary>The ring queue the call is in.</summary>
    [Id(35)]
    public string? RingQueueId { get; init; }
}
