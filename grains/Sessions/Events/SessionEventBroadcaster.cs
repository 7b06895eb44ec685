using Microsoft.Extensions.Logging;
using Orleans;
using Telephony.GrainInterfaces.Sessions.Events;

namespace Telephony.Grains.Sessions.Events;

/// <summary>
/// A node's fan-out of session events to its live streams. While an account has a stream open here, the node follows
/// every event shard of the account (<see cref="ISessionEventShardGrain.Follow"/> with this node's observer), wherever
/// the shards live, and hands each shard's events on in order: an event that does not follow the last one handed on
/// (one was lost on the way, or the shard started a new activation) makes the node read the shard's ring from there,
/// and what the ring no longer holds is handed on as lost. Follows are renewed every <see cref="RenewEvery"/>, which
/// also catches up on events a shard sent nobody (it moved and forgot its followers). A subscriber that falls
/// <see cref="SubscriberCapacity"/> items behind is ended and resumes from the rings with its last position.
/// </summary>
public sealed partial class SessionEventBroadcaster(IGrainFactory grains, ILogger<SessionEventBroadcaster> logger) : ISessionEventObserver, IDisposable
{
    /// <summary>Items buffered per subscriber before it is ended as too slow.</summary>
    public const int SubscriberCapacity = 1024;

    /// <summary>How often the node follows its accounts' shards again, well within <see cref="SessionEventShardGrain.FollowLease"/>.</summary>
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(15);

    private readonly Dictionary<string, FollowedAccount> _followed = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private ISessionEventObserver? _self;
    private ITimer? _renewal;

    /// <summary>This node's observer once an account is followed (tests make a shard forget it, as a move would).</summary>
    internal ISessionEventObserver? Observer => _self;

    /// <summary>
    /// Receives <paramref name="accountId"/>'s session events from now on, until disposed; every shard of the account is
    /// followed, and the subscription's <see cref="SessionEventSubscription.Start"/> known, before this returns.
    /// </summary>
    public async Task<SessionEventSubscription> SubscribeAsync(string accountId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        var subscription = new SessionEventSubscription(this, accountId, SessionEventShards.Count);
        Task following;
        lock (_lock)
        {
            if (!_followed.TryGetValue(accountId, out var followed))
            {
                _followed[accountId] = followed = new FollowedAccount();
                followed.Following = FollowAsync(accountId, followed);
            }

            for (var shard = 0; shard < SessionEventShards.Count; shard++)
            {
                if (followed.Shards[shard].LastHandedOn is { } last)
                {
                    subscription.StartAt(shard, last);
                }
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
    public Task OnEvents(string accountId, int shard, IReadOnlyList<SessionEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0 || (uint)shard >= SessionEventShards.Count)
        {
            return Task.CompletedTask;
        }

        lock (_lock)
        {
            if (!_followed.TryGetValue(accountId, out var followed))
            {
                return Task.CompletedTask;
            }

            var state = followed.Shards[shard];
            if (state.CatchingUp)
            {
                // The running catch-up reads these from the ring when it is done with what it read.
                state.CatchUpAgain = true;
            }
            else if (state.LastHandedOn is { } last && events[0].Position > last + 1)
            {
                state.CatchingUp = true;
                _ = CatchUpAsync(accountId, shard, followed);
            }
            else
            {
                HandOn(followed, shard, events);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Follows every shard of every followed account again, catching up on what each added beyond what was handed on.</summary>
    internal async Task RenewAsync()
    {
        List<KeyValuePair<string, FollowedAccount>> all;
        lock (_lock)
        {
            all = [.. _followed];
        }

        foreach (var (accountId, followed) in all)
        {
            try
            {
                await FollowAsync(accountId, followed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRenewalFailed(logger, accountId, e);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _renewal?.Dispose();
        if (_self is { } self)
        {
            grains.DeleteObjectReference<ISessionEventObserver>(self);
        }
    }

    internal void Remove(SessionEventSubscription subscription)
    {
        lock (_lock)
        {
            if (!_followed.TryGetValue(subscription.AccountId, out var followed) || !followed.Subscribers.Remove(subscription) || followed.Subscribers.Count > 0)
            {
                return;
            }

            _followed.Remove(subscription.AccountId);
            if (_self is { } self)
            {
                for (var shard = 0; shard < SessionEventShards.Count; shard++)
                {
                    _ = Shard(subscription.AccountId, shard).Unfollow(self);
                }
            }
        }
    }

    private async Task FollowAsync(string accountId, FollowedAccount followed)
    {
        var self = Self();
        var newest = await Task.WhenAll(Enumerable.Range(0, SessionEventShards.Count).Select(shard => Shard(accountId, shard).Follow(self)));
        lock (_lock)
        {
            for (var shard = 0; shard < newest.Length; shard++)
            {
                var state = followed.Shards[shard];
                if (state.LastHandedOn is null)
                {
                    // A first follow: the streams replay the rings up to here themselves.
                    state.LastHandedOn = newest[shard];
                    followed.Subscribers.ForEach(s => s.StartAt(shard, newest[shard]));
                }
                else if (newest[shard] > state.LastHandedOn && !state.CatchingUp)
                {
                    state.CatchingUp = true;
                    _ = CatchUpAsync(accountId, shard, followed);
                }
            }
        }
    }

    /// <summary>Reads a shard's ring after the last event handed on, and hands on what it holds, or that events were lost.</summary>
    private async Task CatchUpAsync(string accountId, int shard, FollowedAccount followed)
    {
        var state = followed.Shards[shard];
        try
        {
            while (true)
            {
                long after;
                lock (_lock)
                {
                    state.CatchUpAgain = false;
                    after = state.LastHandedOn!.Value;
                }

                var page = await Shard(accountId, shard).GetEvents(after);
                lock (_lock)
                {
                    if (page.Lost)
                    {
                        LogLost(logger, accountId, shard, after, page.Newest);
                        Offer(followed, new SessionFeedItem(shard, null, page.Newest));
                        state.LastHandedOn = page.Newest;
                    }
                    else
                    {
                        HandOn(followed, shard, page.Events);
                    }

                    if (!state.CatchUpAgain)
                    {
                        state.CatchingUp = false;
                        return;
                    }
                }
            }
        }
        catch (Exception e)
        {
            // The next renewal finds the shard ahead of what was handed on and tries again.
            LogCatchUpFailed(logger, accountId, shard, e);
            lock (_lock)
            {
                state.CatchingUp = false;
            }
        }
    }

    /// <summary>Hands on the events after the last one handed on; called under the lock.</summary>
    private static void HandOn(FollowedAccount followed, int shard, IReadOnlyList<SessionEvent> events)
    {
        var state = followed.Shards[shard];
        foreach (var sessionEvent in events)
        {
            if (sessionEvent.Position > (state.LastHandedOn ?? long.MinValue))
            {
                Offer(followed, new SessionFeedItem(shard, sessionEvent, sessionEvent.Position));
                state.LastHandedOn = sessionEvent.Position;
            }
        }
    }

    private static void Offer(FollowedAccount followed, SessionFeedItem item)
    {
        foreach (var subscription in followed.Subscribers.ToList())
        {
            if (!subscription.Offer(item))
            {
                // Too slow: its stream ends, and the client resumes from the rings with its last position.
                subscription.Dispose();
            }
        }
    }

    /// <summary>This node's observer, made once, with the renewal timer that keeps its follows alive.</summary>
    private ISessionEventObserver Self()
    {
        lock (_lock)
        {
            if (_self is null)
            {
                _self = grains.CreateObjectReference<ISessionEventObserver>(this);
                _renewal = TimeProvider.System.CreateTimer(_ => _ = RenewAsync(), null, RenewEvery, RenewEvery);
            }

            return _self;
        }
    }

    private ISessionEventShardGrain Shard(string accountId, int shard) =>
        grains.GetGrain<ISessionEventShardGrain>(SessionEventShards.Key(accountId, shard));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not follow the session event shards of {AccountId} again; its streams wait for the next renewal")]
    private static partial void LogRenewalFailed(ILogger logger, string accountId, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read session event shard {Shard} of {AccountId}; the next renewal tries again")]
    private static partial void LogCatchUpFailed(ILogger logger, string accountId, int shard, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session events of shard {Shard} of {AccountId} after {After} are no longer kept (newest {Newest}); its streams are told to read the sessions again")]
    private static partial void LogLost(ILogger logger, string accountId, int shard, long after, long newest);

    /// <summary>A followed account: its live subscribers on this node and, per shard, the newest event handed on to them.</summary>
    private sealed class FollowedAccount
    {
        public List<SessionEventSubscription> Subscribers { get; } = [];

        public ShardState[] Shards { get; } = [.. Enumerable.Range(0, SessionEventShards.Count).Select(_ => new ShardState())];

        public Task Following { get; set; } = Task.CompletedTask;
    }

    /// <summary>A followed shard: the newest position handed on, and whether its ring is being read.</summary>
    private sealed class ShardState
    {
        public long? LastHandedOn { get; set; }

        public bool CatchingUp { get; set; }

        public bool CatchUpAgain { get; set; }
    }
}
