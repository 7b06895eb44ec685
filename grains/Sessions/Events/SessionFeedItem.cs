using Telephony.GrainInterfaces.Sessions.Events;

namespace Telephony.Grains.Sessions.Events;

/// <summary>
/// What a node hands a session stream: an event of shard <see cref="Shard"/>, or, when <see cref="Event"/> is null, the
/// news that the shard's events up to <see cref="Position"/> could not all be had (the stream tells its client to read
/// the sessions again, and goes on after <see cref="Position"/>).
/// </summary>
/// <param name="Shard">The shard.</param>
/// <param name="Event">The event, or null for lost events.</param>
/// <param name="Position">The event's position, or the shard's newest when events were lost.</param>
public sealed record SessionFeedItem(int Shard, SessionEvent? Event, long Position);
