using System.Text.Json.Serialization;
using Telephony.Runtime;

namespace Telephony.Benchmarks;

/// <summary>A grain whose method does almost nothing, so the runtime's own cost shows.</summary>
public interface ICounterGrain : IGrainWithStringKey
{
    ValueTask<int> Increment();
}

/// <summary>Counts calls in memory.</summary>
public sealed class CounterGrain : Grain, ICounterGrain
{
    private int _count;

    public ValueTask<int> Increment() => ValueTask.FromResult(++_count);
}

/// <summary>A grain that leaves memory after its one call, as a finished call leg does.</summary>
public interface IShortLivedGrain : IGrainWithStringKey
{
    ValueTask Finish();
}

/// <summary>Asks to be deactivated as soon as its turn ends.</summary>
public sealed class ShortLivedGrain : Grain, IShortLivedGrain
{
    public ValueTask Finish()
    {
        DeactivateOnIdle();
        return ValueTask.CompletedTask;
    }
}

/// <summary>A grain that writes its state on every call.</summary>
public interface IStoredGrain : IGrainWithStringKey
{
    ValueTask Store(int value);
}

/// <summary>The stored value.</summary>
public sealed class StoredValue
{
    public int Value { get; set; }
}

/// <summary>Writes one small state record per call.</summary>
public sealed class StoredGrain([PersistentState("value")] IPersistentState<StoredValue> state) : Grain, IStoredGrain
{
    public async ValueTask Store(int value)
    {
        state.State.Value = value;
        await state.WriteStateAsync();
    }
}

[JsonSerializable(typeof(StoredValue))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
