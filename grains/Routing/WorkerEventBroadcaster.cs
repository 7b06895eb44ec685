using System.Threading.Channels;
using Telephony.GrainInterfaces.Routing;

namespace Telephony.Grains.Routing;

/// <summary>
/// In-process fan-out of stored worker events to live subscribers (one silo). An event stream
/// subscribes first, then replays the stored log after <c>Last-Event-ID</c>, then reads live events,
/// skipping ids it already sent. A subscriber that falls <see cref="SubscriberCapacity"/> events behind
/// is ended and resumes from the stored log.
/// </summary>
public sealed class WorkerEventBroadcaster : IWorkerEventSink
{
    /// <summary>Events buffered per subscriber before it is ended as too slow.</summary>
    public const int SubscriberCapacity = 1024;

    private readonly Dictionary<(string WorkspaceSid, string WorkerSid), List<WorkerEventSubscription>> _subscribers = [];
    private readonly Lock _lock = new();

    /// <summary>Receives the events appended to one worker's log from now on, until disposed.</summary>
    public WorkerEventSubscription Subscribe(string workspaceSid, string workerSid)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspaceSid);
        ArgumentException.ThrowIfNullOrEmpty(workerSid);
        var subscription = new WorkerEventSubscription(this, (workspaceSid, workerSid));
        lock (_lock)
        {
            if (!_subscribers.TryGetValue(subscription.Worker, out var list))
            {
                _subscribers[subscription.Worker] = list = [];
            }

            list.Add(subscription);
        }

        return subscription;
    }

    /// <inheritdoc />
    public void Publish(string workspaceSid, string workerSid, WorkerEvent workerEvent)
    {
        WorkerEventSubscription[] targets;
        lock (_lock)
        {
            if (!_subscribers.TryGetValue((workspaceSid, workerSid), out var list))
            {
                return;
            }

            targets = [.. list];
        }

        foreach (var subscription in targets)
        {
            if (!subscription.Offer(workerEvent))
            {
                subscription.Dispose();
            }
        }
    }

    internal void Remove(WorkerEventSubscription subscription)
    {
        lock (_lock)
        {
            if (_subscribers.TryGetValue(subscription.Worker, out var list) && list.Remove(subscription) && list.Count == 0)
            {
                _subscribers.Remove(subscription.Worker);
            }
        }
    }
}

/// <summary>One live subscriber to a worker's events; dispose it to stop receiving.</summary>
public sealed class WorkerEventSubscription : IDisposable
{
    private readonly WorkerEventBroadcaster _owner;
    private readonly Channel<WorkerEvent> _channel = Channel.CreateBounded<WorkerEvent>(
        new BoundedChannelOptions(WorkerEventBroadcaster.SubscriberCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    internal WorkerEventSubscription(WorkerEventBroadcaster owner, (string WorkspaceSid, string WorkerSid) worker)
    {
        _owner = owner;
        Worker = worker;
    }

    /// <summary>Events as they are appended; completes when the subscription ends.</summary>
    public ChannelReader<WorkerEvent> Events => _channel.Reader;

    internal (string WorkspaceSid, string WorkerSid) Worker { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        _owner.Remove(this);
        _channel.Writer.TryComplete();
    }

    /// <summary>Buffers an event; false when the buffer is full.</summary>
    internal bool Offer(WorkerEvent workerEvent) => _channel.Writer.TryWrite(workerEvent);
}
