using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Storage;
using Telephony.GrainInterfaces.Sessions;
using Telephony.Grains.Sessions;

namespace Telephony.Benchmarks;

/// <summary>
/// Memory per active session: <c>count</c> session grains holding the state a live chat typically holds, on the
/// SQLite store (so the state lives only in the activations, not also in a memory store). The state is the one a
/// started and twice-changed chat has; it is written to the store under each session's id, then every session is
/// activated by a call, so the figure is the activations' alone.
/// </summary>
internal static class SessionMemory
{
    private const string Account = "bench";

    /// <summary>Runs the measurement and prints the figures.</summary>
    public static async Task RunAsync(int count)
    {
        await using var silo = await BenchSilo.StartAsync(sqlite: true, new Dictionary<string, string?> { [$"Telephony:Accounts:0:Id"] = Account });
        var template = silo.Grains.GetGrain<ISessionGrain>("template");
        await SessionState.StartTypicalAsync(template, Account);
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 256 }, async (i, _) =>
        {
            // Read for each copy, so every session gets state objects of its own.
            var copy = new GrainState<Grains.Sessions.SessionState>();
            await storage.ReadStateAsync("session", template.GetGrainId(), copy);
            copy.ETag = null;
            copy.State!.Session = copy.State.Session! with { Id = Key(i) };
            await storage.WriteStateAsync("session", GrainId.Create("session", Key(i)), copy);
        });

        var (heapBefore, processBefore) = Measure();
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 256 }, async (i, _) =>
        {
            if (!(await silo.Grains.GetGrain<ISessionGrain>(Key(i)).Get(Account)).IsSuccess)
            {
                throw new InvalidOperationException($"Session {Key(i)} did not come back from the store.");
            }
        });
        var activated = clock.Elapsed;
        var (heapAfter, processAfter) = Measure();
        var sample = (await silo.Grains.GetGrain<ISessionGrain>(Key(0)).Get(Account)).Value!;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            sessions: {count} active, activated in {activated.TotalSeconds:F1} s; each has {sample.Members.Count} member(s), {sample.Log.Count} log entries, console data and a queue state
            managed heap: {(heapAfter - heapBefore) / (double)count:F0} B per session ({heapBefore / 1048576.0:F0} -> {heapAfter / 1048576.0:F0} MiB)
            process private memory: {(processAfter - processBefore) / (double)count:F0} B per session ({processBefore / 1048576.0:F0} -> {processAfter / 1048576.0:F0} MiB)
            """));
    }

    private static string Key(int i) => string.Create(CultureInfo.InvariantCulture, $"memory-{i}");

    private static (long Heap, long Process) Measure()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: false), process.PrivateMemorySize64);
    }
}
