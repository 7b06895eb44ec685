using System.Diagnostics;
using System.Globalization;
using Telephony.StorageBench;

// One process, one run: the scenarios alternate round by round, so drift in the machine's speed hits all three alike,
// and each figure is the median of its rounds.
// Usage: Telephony.StorageBench [rounds] [seconds per round] [max batch size] [only this scenario, 1-3, for profiling]
var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 7;
var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 2.0;
var maxBatchSize = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : Telephony.Storage.SqliteStorageOptions.DefaultMaxBatchSize;
var only = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0;

await using var scenarios = await StorageWriteScenarios.CreateAsync(maxBatchSize);
(string Name, Func<Task<int>> Round)[] benchmarks =
[
    ("raw SQLite upsert, a commit per row", () => Task.FromResult(Repeat(batch => scenarios.RawOneRowPerCommit(batch), 500))),
    ("provider WriteStateAsync, one writer", () => RepeatAsync(scenarios.ProviderOneWriterAsync, 500)),
    ("provider WriteStateAsync, 1,000 grains at once", () => RepeatAsync(async batch => await scenarios.ProviderThousandWritersAsync(batch / StorageWriteScenarios.Grains), 10_000)),
];

// Warm-up: JIT, tiering, page cache, WAL size.
foreach (var (_, round) in benchmarks)
{
    await round();
}

var results = benchmarks.Select(_ => new List<double>()).ToArray();
var cpu = benchmarks.Select(_ => new List<double>()).ToArray();
using var process = Process.GetCurrentProcess();
var transactionsBefore = scenarios.ProviderTransactions;
for (var r = 0; r < rounds; r++)
{
    for (var b = 0; b < benchmarks.Length; b++)
    {
        if (only != 0 && b != only - 1)
        {
            results[b].Add(double.NaN);
            continue;
        }

        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var writes = await benchmarks[b].Round();
        results[b].Add(writes / Stopwatch.GetElapsedTime(started).TotalSeconds);
        process.Refresh();
        cpu[b].Add((process.TotalProcessorTime - cpuBefore).TotalMicroseconds / writes);
    }
}

var floor = Median(results[0]);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, {rounds} rounds of about {seconds} s each, server GC {System.Runtime.GCSettings.IsServerGC}, provider batches up to {maxBatchSize}"));
Console.WriteLine("| scenario | writes/s (median) | min – max | ratio to raw | CPU per write (median) |");
Console.WriteLine("|---|---:|---:|---:|---:|");
for (var b = 0; b < benchmarks.Length; b++)
{
    var median = Median(results[b]);
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"| {benchmarks[b].Name} | {median:N0} | {results[b].Min():N0} – {results[b].Max():N0} | {median / floor:0.00} | {Median(cpu[b]):0.0} µs |"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"provider transactions during the rounds: {scenarios.ProviderTransactions - transactionsBefore:N0}"));
return;

// Runs batches of `batch` writes until the round's time is up; returns the writes done.
int Repeat(Action<int> write, int batch)
{
    var deadline = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
    var done = 0;
    while (Stopwatch.GetTimestamp() < deadline)
    {
        write(batch);
        done += batch;
    }

    return done;
}

async Task<int> RepeatAsync(Func<int, Task> write, int batch)
{
    var deadline = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
    var done = 0;
    while (Stopwatch.GetTimestamp() < deadline)
    {
        await write(batch);
        done += batch;
    }

    return done;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}
