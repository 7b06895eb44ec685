using BenchmarkDotNet.Attributes;
using Orleans;
using Orleans.Runtime;

namespace Telephony.Benchmarks;

/// <summary>The first call to a grain: placement, directory registration, construction, OnActivateAsync, then the call.</summary>
[MemoryDiagnoser]
public class ActivationBenchmarks
{
    private const int Activations = 10_000;
    private BenchSilo _silo = null!;
    private int _round;

    private int _baseline;

    [IterationSetup]
    public void Setup()
    {
        _silo = BenchSilo.StartAsync(sqlite: false).GetAwaiter().GetResult();
        _baseline = _silo.Grains.GetGrain<IManagementGrain>(0).GetTotalActivationCount().GetAwaiter().GetResult();
    }

    [IterationCleanup]
    public void Cleanup() => _silo.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = Activations, Description = "call that activates a grain")]
    public Task CallsThatActivate() => CallNewGrains(key => _silo.Grains.GetGrain<IPingGrain>(key).Ping().AsTask());

    [Benchmark(OperationsPerInvoke = Activations, Description = "call that activates a grain which then deactivates (until all are gone)")]
    public async Task CallsThatActivateAndDeactivate()
    {
        await CallNewGrains(key => _silo.Grains.GetGrain<IShortLivedGrain>(key).Finish().AsTask());
        var management = _silo.Grains.GetGrain<IManagementGrain>(0);
        while (await management.GetTotalActivationCount() > _baseline)
        {
            await Task.Delay(1);
        }
    }

    /// <summary>Calls <see cref="Activations"/> grains never called before, all at once.</summary>
    private Task CallNewGrains(Func<string, Task> call)
    {
        var round = Interlocked.Increment(ref _round);
        var calls = new Task[Activations];
        for (var i = 0; i < Activations; i++)
        {
            calls[i] = call($"r{round}-{i}");
        }

        return Task.WhenAll(calls);
    }
}
