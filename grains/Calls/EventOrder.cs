using Orleans;
using Telephony.GrainInterfaces.Calls;

namespace Telephony.Grains.Calls;

/// <summary>The position of an applied event, so a late callback can be recognised and ignored.</summary>
/// <param name="Sequence">The provider's sequence number, when it sends one.</param>
/// <param name="Time">The provider's event time.</param>
[GenerateSerializer, Alias("telephony.state.EventOrder")]
public sealed record EventOrder([Id(0)] long? Sequence, [Id(1)] DateTimeOffset Time)
{
    /// <summary>The position of <paramref name="callEvent"/>.</summary>
    public static EventOrder Of(CallEvent callEvent) => new(callEvent.Sequence, callEvent.EventTime);

    /// <summary>True when <paramref name="callEvent"/> happened after this position (by sequence when both have one, else by time).</summary>
    public bool IsBefore(CallEvent callEvent) =>
        Sequence is { } sequence && callEvent.Sequence is { } next ? next > sequence : callEvent.EventTime >= Time;
}
