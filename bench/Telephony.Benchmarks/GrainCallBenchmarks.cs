using BenchmarkDotNet.Attributes;

namespace Telephony.Benchmarks;

/// <summary>
/// Local calls to 1,000 already-active grains from 1,000 concurrent callers, each making
/// <see cref="CallsPerCaller"/> calls to grains spread over the set, against the bare mailbox floor.
/// </summary>
[MemoryDiagnoser]
public class GrainCallBenchmarks
{
    public const int Grains = 1000;
    public const int Callers = 1000;
    public const int CallsPerCaller = 200;
    public const int HotGrains = 10;
    private const int Operations = Callers * CallsPerCaller;

    private BenchSilo _silo = null!;
    private ICounterGrain[] _grains = null!;
    private BareMailbox[] _mailboxes = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _silo = await BenchSilo.StartAsync(sqlite: false);
        _grains = [.. Enumerable.Range(0, Grains).Select(i => _silo.Grains.GetGrain<ICounterGrain>($"g{i}"))];
        foreach (var grain in _grains)
        {
            await grain.Increment();
        }

        _mailboxes = [.. Enumerable.Range(0, Grains).Select(_ => new BareMailbox())];
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _silo.DisposeAsync();

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations, Description = "bare mailbox (queue + TaskCompletionSource)")]
    public Task BareMailboxCalls() => RunCallers(static (self, i) => self.CallMailboxes(i));

    [Benchmark(OperationsPerInvoke = Operations, Description = "grain call to an active grain")]
    public Task GrainCalls() => RunCallers(static (self, i) => self.CallGrains(i));

    private Task RunCallers(Func<GrainCallBenchmarks, int, Task> caller)
    {
        var callers = new Task[Callers];
        for (var i = 0; i < Callers; i++)
        {
            var index = i;
            callers[i] = Task.Run(() => caller(this, index));
        }

        return Task.WhenAll(callers);
    }

    private async Task CallGrains(int caller)
    {
        // A stride coprime to the grain count visits every grain and spreads callers over them.
        for (var k = 0; k < CallsPerCaller; k++)
        {
            await _grains[(caller + (k * 7)) % Grains].Increment();
        }
    }

    [Benchmark(OperationsPerInvoke = Operations, Description = "grain call, 1,000 callers on 10 hot grains (queued turns)")]
    public Task ContendedGrainCalls() => RunCallers(static (self, i) => self.CallHotGrains(i));

    private async Task CallHotGrains(int caller)
    {
        for (var k = 0; k < CallsPerCaller; k++)
        {
            await _grains[(caller + k) % HotGrains].Increment();
        }
    }

    private async Task CallMailboxes(int caller)
    {
        for (var k = 0; k < CallsPerCaller; k++)
        {
            await _mailboxes[(caller + (k * 7)) % Grains].Increment();
        }
    }
}
