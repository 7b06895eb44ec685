using Orleans;

namespace Telephony.GrainInterfaces.Sessions.Events;

/// <summary>One notification in an event shard's ring; <see cref="Position"/> orders a shard's events and resumes after one.</summary>
/// <param name="Position">The shard's position of the event (<see cref="SessionEventPositions"/>).</param>
/// <param name="Kind">What happened.</param>
/// <param name="Change">The session's change that made it.</param>
[GenerateSerializer, Alias("telephony.SessionEvent"), Immutable]
public sealed record SessionEvent([Id(0)] long Position, [Id(1)] SessionEventKind Kind, [Id(2)] SessionChange Change);
