using BenchmarkDotNet.Attributes;
using Telephony.GrainInterfaces.Sessions;

namespace Telephony.Benchmarks;

/// <summary>
/// Calls to 1,000 already-active grains from 1,000 concurrent callers, each making <see cref="CallsPerCaller"/> calls
/// spread over the set: an empty Orleans grain (the floor) against our session grain answering its session.
/// </summary>
[MemoryDiagnoser]
public class GrainCallBenchmarks
{
    public const int Grains = 1000;
    public const int Callers = 1000;
    public const int CallsPerCaller = 200;
    private const int Operations = Callers * CallsPerCaller;
    private const string Account = "bench";

    private BenchSilo _silo = null!;
    private IPingGrain[] _pings = null!;
    private ISessionGrain[] _sessions = null!;

    // Synchronous: BenchmarkDotNet's in-process toolchain does not wait for an asynchronous setup to finish.
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _silo = await BenchSilo.StartAsync(sqlite: false, new Dictionary<string, string?> { ["Telephony:Accounts:0:Id"] = Account });
        _pings = [.. Enumerable.Range(0, Grains).Select(i => _silo.Grains.GetGrain<IPingGrain>($"p{i}"))];
        _sessions = [.. Enumerable.Range(0, Grains).Select(i => _silo.Grains.GetGrain<ISessionGrain>($"s{i}"))];
        foreach (var ping in _pings)
        {
            await ping.Ping();
        }

        await Task.WhenAll(_sessions.Select(session => SessionState.StartTypicalAsync(session, Account)));
    }

    [GlobalCleanup]
    public void Cleanup() => _silo.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations, Description = "call to an active empty grain (Orleans alone)")]
    public Task PingCalls() => RunCallers(async caller =>
    {
        // A stride coprime to the grain count visits every grain and spreads callers over them.
        for (var k = 0; k < CallsPerCaller; k++)
        {
            await _pings[(caller + (k * 7)) % Grains].Ping();
        }
    });

    [Benchmark(OperationsPerInvoke = Operations, Description = "call to an active session grain (Get)")]
    public Task SessionCalls() => RunCallers(async caller =>
    {
        for (var k = 0; k < CallsPerCaller; k++)
        {
            await _sessions[(caller + (k * 7)) % Grains].Get(Account);
        }
    });

    private static Task RunCallers(Func<int, Task> caller)
    {
        var callers = new Task[Callers];
        for (var i = 0; i < Callers; i++)
        {
            var index = i;
            callers[i] = Task.Run(() => caller(index));
        }

        return Task.WhenAll(callers);
    }
}
