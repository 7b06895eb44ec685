using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Orleans;
using Telephony.GrainInterfaces.Routing;

namespace Telephony.Grains.Routing;

/// <summary>
/// A node's fan-out of worker events to its live streams. The first stream of a worker makes the node follow the
/// worker (<see cref="IWorkerGrain.Follow"/> with this node's observer), and the worker sends each event it stores
/// here, whichever silo it lives on. Follows are renewed every <see cref="RenewEvery"/>; a renewal that finds events
/// newer than the last one handed on (the worker moved and forgot its followers, or an event was lost on the way)
/// fetches them from the log. A stream subscribes first, then replays the stored log after <c>Last-Event-ID</c>, then
/// reads live events, skipping ids it already sent. A subscriber that falls <see cref="SubscriberCapacity"/> events
/// behind is ended and resumes from the stored log.
/// </summary>
public sealed partial class WorkerEventBroadcaster(IGrainFactory grains, ILogger<WorkerEventBroadcaster> logger) : IWorkerEventObserver, IDisposable
{
    /// <summary>Events buffered per subscriber before it is ended as too slow.</summary>
    public const int SubscriberCapacity = 1024;

    /// <summary>How often the node follows its workers again, well within <see cref="WorkerGrain.FollowLease"/>.</summary>
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(15);

    private readonly Dictionary<(string WorkspaceSid, string WorkerSid), Followed> _followed = [];
    private readonly Lock _lock = new();
    private IWorkerEventObserver? _self;
    private ITimer? _renewal;

    /// <summary>This node's observer once a worker is followed (tests make a worker forget it, as a move would).</summary>
    internal IWorkerEventObserver? Observer => _self;

    /// <summary>Receives the events appended to one worker's log from now on, until disposed; the worker is followed before this returns.</summary>
    public async Task<WorkerEventSubscription> SubscribeAsync(string workspaceSid, string workerSid, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspaceSid);
        ArgumentException.ThrowIfNullOrEmpty(workerSid);
        var subscription = new WorkerEventSubscription(this, (workspaceSid, workerSid));
        Task following;
        lock (_lock)
        {
            if (!_followed.TryGetValue(subscription.Worker, out var followed))
            {
                _followed[subscription.Worker] = followed = new Followed();
                followed.Following = FollowAsync(subscription.Worker, followed);
            }

            followed.Subscribers.Add(subscription);
            following = followed.Following;
        }

        try
        {
            await following.WaitAsync(cancellationToken);
            return subscription;
        }
        catch
        {
            subscription.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public Task OnEvent(string workspaceSid, string workerSid, WorkerEvent workerEvent)
    {
        ArgumentNullException.ThrowIfNull(workerEvent);
        Publish((workspaceSid, workerSid), [workerEvent]);
        return Task.CompletedTask;
    }

    /// <summary>Follows every followed worker again, and hands on what each stored beyond the last event handed on.</summary>
    internal async Task RenewAsync()
    {
        List<KeyValuePair<(string, string), Followed>> all;
        lock (_lock)
        {
            all = [.. _followed];
        }

        foreach (var (worker, followed) in all)
        {
            try
            {
                await FollowAsync(worker, followed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRenewalFailed(logger, worker.Item1, worker.Item2, e);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _renewal?.Dispose();
        if (_self is { } self)
        {
            grains.DeleteObjectReference<IWorkerEventObserver>(self);
        }
    }

    internal void Remove(WorkerEventSubscription subscription)
    {
        lock (_lock)
        {
            if (!_followed.TryGetValue(subscription.Worker, out var followed) || !followed.Subscribers.Remove(subscription) || followed.Subscribers.Count > 0)
            {
                return;
            }

            _followed.Remove(subscription.Worker);
            if (_self is { } self)
            {
                _ = Worker(subscription.Worker).Unfollow(self);
            }
        }
    }

    private async Task FollowAsync((string WorkspaceSid, string WorkerSid) worker, Followed followed)
    {
        var newest = await Worker(worker).Follow(Self());
        var missedAfter = followed.LastHandedOn;
        if (missedAfter is null)
        {
            // A first follow: the streams replay the log up to here themselves.
            followed.LastHandedOn = newest;
            return;
        }

        if (newest > missedAfter)
        {
            var missed = (await Worker(worker).GetEvents(missedAfter.Value)).Value ?? [];
            Publish(worker, missed);
        }
    }

    private void Publish((string WorkspaceSid, string WorkerSid) worker, IReadOnlyList<WorkerEvent> events)
    {
        WorkerEventSubscription[] targets;
        lock (_lock)
        {
            if (!_followed.TryGetValue(worker, out var followed))
            {
                return;
            }

            targets = [.. followed.Subscribers];
            followed.LastHandedOn = Math.Max(followed.LastHandedOn ?? 0, events.Count > 0 ? events.Max(e => e.Id) : 0);
        }

        foreach (var workerEvent in events)
        {
            foreach (var subscription in targets)
            {
                if (!subscription.Offer(workerEvent))
                {
                    subscription.Dispose();
                }
            }
        }
    }

    /// <summary>This node's observer, made once, with the renewal timer that keeps its follows alive.</summary>
    private IWorkerEventObserver Self()
    {
        lock (_lock)
        {
            if (_self is null)
            {
                _self = grains.CreateObjectReference<IWorkerEventObserver>(this);
                _renewal = TimeProvider.System.CreateTimer(_ => _ = RenewAsync(), null, RenewEvery, RenewEvery);
            }

            return _self;
        }
    }

    private IWorkerGrain Worker((string WorkspaceSid, string WorkerSid) worker) =>
        grains.GetGrain<IWorkerGrain>(RoutingSids.ScopedKey(worker.WorkspaceSid, worker.WorkerSid));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not follow worker {WorkerSid} of {WorkspaceSid} again; its streams wait for the next renewal")]
    private static partial void LogRenewalFailed(ILogger logger, string workspaceSid, string workerSid, Exception error);

    /// <summary>A followed worker: its live subscribers on this node and the newest event handed on to them.</summary>
    private sealed class Followed
    {
        public List<WorkerEventSubscription> Subscribers { get; } = [];

        public Task Following { get; set; } = Task.CompletedTask;

        public long? LastHandedOn { get; set; }
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
