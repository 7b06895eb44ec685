using System.Threading.Channels;

namespace Telephony.Grains.Sessions.Events;

/// <summary>One live subscriber to an account's session events on this node; dispose it to stop receiving.</summary>
public sealed class SessionEventSubscription : IDisposable
{
    private readonly SessionEventBroadcaster _owner;
    private readonly long?[] _start;
    private readonly Channel<SessionFeedItem> _channel = Channel.CreateBounded<SessionFeedItem>(
        new BoundedChannelOptions(SessionEventBroadcaster.SubscriberCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    internal SessionEventSubscription(SessionEventBroadcaster owner, string accountId, int shards)
    {
        _owner = owner;
        AccountId = accountId;
        _start = new long?[shards];
    }

    /// <summary>The account whose events these are.</summary>
    public string AccountId { get; }

    /// <summary>Each shard's position just before the first event this subscription receives (known once subscribed).</summary>
    public IReadOnlyList<long> Start => [.. _start.Select(p => p ?? 0)];

    /// <summary>Events (and lost-event news) as they come, in order per shard; completes when the subscription ends.</summary>
    public ChannelReader<SessionFeedItem> Items => _channel.Reader;

    /// <inheritdoc />
    public void Dispose()
    {
        _owner.Remove(this);
        _channel.Writer.TryComplete();
    }

    /// <summary>Sets where the subscription starts in <paramref name="shard"/>, unless it is set; called under the broadcaster's lock.</summary>
    internal void StartAt(int shard, long position) => _start[shard] ??= position;

    /// <summary>Buffers an item; false when the buffer is full.</summary>
    internal bool Offer(SessionFeedItem item)
    {
        StartAt(item.Shard, item.Position - 1);
        return _channel.Writer.TryWrite(item);
    }
}
