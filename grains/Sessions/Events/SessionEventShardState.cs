using Orleans;

namespace Telephony.Grains.Sessions.Events;

/// <summary>A session event shard's stored state: only the epoch of its latest activation (events live in memory).</summary>
[GenerateSerializer, Alias("telephony.state.SessionEventShard")]
public sealed class SessionEventShardState
{
    /// <summary>One more on every activation, so positions of an earlier activation are told apart from the current ones.</summary>
    [Id(0)]
    public long Epoch { get; set; }
}
