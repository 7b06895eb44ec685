using BenchmarkDotNet.Attributes;

namespace Telephony.Benchmarks;

/// <summary>The first call to a grain: directory insert, construction, OnActivateAsync, then the call.</summary>
[MemoryDiagnoser]
public class ActivationBenchmarks
{
    private const int Activations = 10_000;
    private BenchSilo _silo = null!;
    private int _round;

    [IterationSetup]
    public void Setup() => _silo = BenchSilo.StartAsync(sqlite: false).GetAwaiter().GetResult();

    [IterationCleanup]
    public void Cleanup() => _silo.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = Activations, Description = "call that activates a grain")]
    public async Task CallsThatActivate()
    {
        var round = Interlocked.Increment(ref _round);
        var calls = new Task[Activations];
        for (var i = 0; i < Activations; i++)
        {
            calls[i] = _silo.Grains.GetGrain<ICounterGrain>($"r{round}-{i}").Increment().AsTask();
        }

        await Task.WhenAll(calls);
    }

    [Benchmark(OperationsPerInvoke = Activations, Description = "call that activates a grain which then deactivates (until all are gone)")]
    public async Task CallsThatActivateAndDeactivate()
    {
        var round = Interlocked.Increment(ref _round);
        var calls = new Task[Activations];
        for (var i = 0; i < Activations; i++)
        {
            calls[i] = _silo.Grains.GetGrain<IShortLivedGrain>($"r{round}-{i}").Finish().AsTask();
        }

        await Task.WhenAll(calls);
        while (_silo.Silo.ActivationCount > 0)
        {
            await Task.Delay(1);
        }
    }
}
