using System.Text.Json.Serialization;
using Orleans;
using Orleans.Runtime;

namespace Telephony.Benchmarks;

/// <summary>A grain whose method does nothing, so Orleans' own cost of a call shows.</summary>
[Alias("bench.IPingGrain")]
public interface IPingGrain : IGrainWithStringKey
{
    /// <summary>Answers at once.</summary>
    [Alias("Ping")]
    ValueTask<int> Ping();
}

/// <summary>Answers calls without touching anything.</summary>
public sealed class PingGrain : Grain, IPingGrain
{
    /// <inheritdoc />
    public ValueTask<int> Ping() => ValueTask.FromResult(0);
}

/// <summary>A grain that leaves memory after its one call, as a finished call leg does.</summary>
[Alias("bench.IShortLivedGrain")]
public interface IShortLivedGrain : IGrainWithStringKey
{
    /// <summary>Asks to be deactivated when the call ends.</summary>
    [Alias("Finish")]
    ValueTask Finish();
}

/// <summary>Asks to be deactivated as soon as its turn ends.</summary>
public sealed class ShortLivedGrain : Grain, IShortLivedGrain
{
    /// <inheritdoc />
    public ValueTask Finish()
    {
        DeactivateOnIdle();
        return ValueTask.CompletedTask;
    }
}

/// <summary>A grain that writes its state on every call.</summary>
[Alias("bench.IStoredGrain")]
public interface IStoredGrain : IGrainWithStringKey
{
    /// <summary>Stores the value.</summary>
    [Alias("Store")]
    ValueTask Store(int value);
}

/// <summary>The stored value.</summary>
[GenerateSerializer, Alias("bench.StoredValue")]
public sealed class StoredValue
{
    /// <summary>The value.</summary>
    [Id(0)]
    public int Value { get; set; }
}

/// <summary>Writes one small state record per call.</summary>
public sealed class StoredGrain([PersistentState("value")] IPersistentState<StoredValue> state) : Grain, IStoredGrain
{
    /// <inheritdoc />
    public async ValueTask Store(int value)
    {
        state.State.Value = value;
        await state.WriteStateAsync();
    }
}

/// <summary>The stored state of the benchmark grains.</summary>
[JsonSerializable(typeof(StoredValue))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
