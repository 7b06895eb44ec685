using Orleans;

namespace Telephony.GrainInterfaces.Sessions.Events;

/// <summary>What a session tells its account's event shard after storing a new version of itself.</summary>
/// <param name="AccountId">The session's account: only its keys may see the change.</param>
/// <param name="SessionId">The session.</param>
/// <param name="Kinds">The notifications the change makes, in the order clients receive them.</param>
/// <param name="Document">The session as the API shows it (its JSON), right after the change.</param>
/// <param name="Users">The users the session belongs to, before or after the change (the stream's per-user filter).</param>
/// <param name="Ended">Whether the session has ended.</param>
[GenerateSerializer, Alias("telephony.SessionChange"), Immutable]
public sealed record SessionChange(
    [Id(0)] string AccountId,
    [Id(1)] string SessionId,
    [Id(2)] IReadOnlyList<SessionEventKind> Kinds,
    [Id(3)] byte[] Document,
    [Id(4)] IReadOnlyList<string> Users,
    [Id(5)] bool Ended);
