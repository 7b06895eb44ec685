using Orleans;

namespace Telephony.GrainInterfaces.Sessions.Events;

/// <summary>A shard's events after a position, or the news that some are gone (<see cref="Lost"/>).</summary>
/// <param name="Events">The shard's events after the position asked for, oldest first (empty when lost).</param>
/// <param name="Lost">
/// True when the position is older than the shard's ring keeps, or of an earlier activation of the shard: events
/// may have been missed, and the reader must read the sessions again, then go on from <paramref name="Newest"/>.
/// </param>
/// <param name="Newest">The shard's newest position when it answered.</param>
[GenerateSerializer, Alias("telephony.SessionEventPage"), Immutable]
public sealed record SessionEventPage([Id(0)] IReadOnlyList<SessionEvent> Events, [Id(1)] bool Lost, [Id(2)] long Newest);
