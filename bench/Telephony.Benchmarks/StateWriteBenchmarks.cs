using BenchmarkDotNet.Attributes;

namespace Telephony.Benchmarks;

/// <summary>Grain state writes to SQLite: many grains writing at once (group commit) and one grain writing alone.</summary>
[MemoryDiagnoser]
public class StateWriteBenchmarks
{
    private const int Grains = 1000;
    private const int WritesPerGrain = 2;
    private const int SequentialWrites = 500;
    private BenchSilo _silo = null!;
    private IStoredGrain[] _grains = null!;
    private int _value;

    // Synchronous: BenchmarkDotNet's in-process toolchain does not wait for an asynchronous setup to finish.
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _silo = await BenchSilo.StartAsync(sqlite: true);
        _grains = [.. Enumerable.Range(0, Grains).Select(i => _silo.Grains.GetGrain<IStoredGrain>($"s{i}"))];
        foreach (var grain in _grains)
        {
            await grain.Store(0);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _silo.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = Grains * WritesPerGrain, Description = "SQLite state write, 1,000 grains at once")]
    public Task ConcurrentWrites()
    {
        var writers = new Task[Grains];
        for (var i = 0; i < Grains; i++)
        {
            var grain = _grains[i];
            writers[i] = Task.Run(async () =>
            {
                for (var k = 0; k < WritesPerGrain; k++)
                {
                    await grain.Store(Interlocked.Increment(ref _value));
                }
            });
        }

        return Task.WhenAll(writers);
    }

    [Benchmark(OperationsPerInvoke = SequentialWrites, Description = "SQLite state write, one grain after another")]
    public async Task SequentialWritesOfOneGrain()
    {
        for (var k = 0; k < SequentialWrites; k++)
        {
            await _grains[0].Store(k);
        }
    }
}
