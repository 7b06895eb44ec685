using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Telephony.GrainInterfaces.Sessions.Events;
using Telephony.Grains.Following;

namespace Telephony.Grains.Sessions.Events;

/// <summary>
/// One shard of an account's session events (<see cref="ISessionEventShardGrain"/>). Events live in a bounded ring in
/// memory; what is stored is one number, the activation's epoch, so the state never grows with history. An activation
/// that ends loses its ring: readers behind it are told events were lost, and read the sessions again.
/// </summary>
[GrainType("sessionevents")]
internal sealed partial class SessionEventShardGrain(
    [PersistentState("sessionevents")] IPersistentState<SessionEventShardState> state,
    ILogger<SessionEventShardGrain> logger) : Grain, ISessionEventShardGrain
{
    /// <summary>Events each shard keeps for streams to resume from (an account keeps <see cref="SessionEventShards.Count"/> times as many).</summary>
    public const int RingCapacity = 256;

    /// <summary>How long a follower keeps receiving events without following again; its node renews well before.</summary>
    public static readonly TimeSpan FollowLease = TimeSpan.FromMinutes(1);

    private readonly FollowerLeases<ISessionEventObserver> _followers = new(FollowLease);

    private SessionEventRing _ring = null!;

    private (string AccountId, int Shard) _shard;

    /// <summary>Starts a new epoch: stored before any event is numbered, so no two activations number alike.</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _shard = SessionEventShards.Split(this.GetPrimaryKeyString());
        state.State.Epoch++;
        await state.WriteStateAsync(cancellationToken);
        _ring = new SessionEventRing(state.State.Epoch, RingCapacity);
        LogActivated(logger, _shard.AccountId, _shard.Shard, state.State.Epoch);
    }

    /// <inheritdoc />
    public Task Publish(SessionChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var added = _ring.Add(change);
        if (added.Count > 0)
        {
            _followers.Send((Shard: _shard, Events: added), static (follower, m) => follower.OnEvents(m.Shard.AccountId, m.Shard.Shard, m.Events));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<long> Follow(ISessionEventObserver observer)
    {
        _followers.Follow(observer);
        return Task.FromResult(_ring.Newest);
    }

    /// <inheritdoc />
    public Task Unfollow(ISessionEventObserver observer)
    {
        _followers.Unfollow(observer);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<SessionEventPage> GetEvents(long after) => Task.FromResult(_ring.After(after));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Session event shard {Shard} of {AccountId} starts epoch {Epoch}")]
    private static partial void LogActivated(ILogger logger, string accountId, int shard, long epoch);
}
