using Telephony.Runtime;

namespace Telephony.Runtime.Tests.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    ValueTask<int> Add(int amount);

    ValueTask<int> Get();

    Task<int> AddAfterYield(int amount);

    ValueTask Reset();

    Task Deactivate();

    ValueTask Fail(string message);

    ValueTask<string?> Label(string? label);
}

public sealed class CounterState
{
    public int Value { get; set; }

    public string? Label { get; set; }
}

/// <summary>A persistent counter; records its activations in the shared log.</summary>
public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> counter, GrainEventLog log) : Grain, ICounterGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        log.Record(GrainKey, "activate");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        log.Record(GrainKey, $"deactivate:{reason}");
        return Task.CompletedTask;
    }

    public async ValueTask<int> Add(int amount)
    {
        counter.State.Value += amount;
        await counter.WriteStateAsync();
        return counter.State.Value;
    }

    public ValueTask<int> Get() => ValueTask.FromResult(counter.State.Value);

    public async Task<int> AddAfterYield(int amount)
    {
        await Task.Yield();
        return await Add(amount);
    }

    public async ValueTask Reset() => await counter.ClearStateAsync();

    public ValueTask Fail(string message) => throw new InvalidOperationException(message);

    /// <summary>Sets the label; returns the one it replaced.</summary>
    public async ValueTask<string?> Label(string? label)
    {
        var replaced = counter.State.Label;
        counter.State.Label = label;
        await counter.WriteStateAsync();
        return replaced;
    }

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
