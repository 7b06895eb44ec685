using Orleans;

namespace Telephony.GrainInterfaces.Sessions.Events;

/// <summary>
/// One of an account's <see cref="SessionEventShards.Count"/> session event shards (key: <see cref="SessionEventShards.Key"/>):
/// the sessions hashed to it publish their changes here; it keeps the newest in a bounded ring, in memory, and sends
/// each to the nodes following it.
/// </summary>
[Alias("telephony.ISessionEventShardGrain")]
public interface ISessionEventShardGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds the change's events to the ring and sends them to the followers (one-way). Awaited by the session, because
    /// Orleans does not keep one-way calls in order and a session's events must be; it is a few steps in memory.
    /// </summary>
    [Alias("Publish")]
    Task Publish(SessionChange change);

    /// <summary>
    /// Sends the events added from now on to <paramref name="observer"/> for a lease (follow again before it runs out);
    /// answers the newest position so far.
    /// </summary>
    [Alias("Follow")]
    Task<long> Follow(ISessionEventObserver observer);

    /// <summary>Stops sending events to <paramref name="observer"/>.</summary>
    [Alias("Unfollow")]
    Task Unfollow(ISessionEventObserver observer);

    /// <summary>The events after <paramref name="after"/>, or that some after it are no longer kept.</summary>
    [Alias("GetEvents")]
    Task<SessionEventPage> GetEvents(long after);
}
