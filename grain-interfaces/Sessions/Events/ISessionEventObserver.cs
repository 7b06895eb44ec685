using Orleans;
using Orleans.Concurrency;

namespace Telephony.GrainInterfaces.Sessions.Events;

/// <summary>A node's receiver of session events: each shard sends what it adds to the nodes following it.</summary>
[Alias("telephony.ISessionEventObserver")]
public interface ISessionEventObserver : IGrainObserver
{
    /// <summary>Shard <paramref name="shard"/> of <paramref name="accountId"/> has just added <paramref name="events"/>.</summary>
    [OneWay]
    [Alias("OnEvents")]
    Task OnEvents(string accountId, int shard, IReadOnlyList<SessionEvent> events);
}
