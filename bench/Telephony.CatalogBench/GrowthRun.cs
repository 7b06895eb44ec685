using System.Diagnostics;
using System.Globalization;

/// <summary>
/// Creates items one after another from several clients and measures each window of <c>window</c> items made after
/// the store held each of <c>sizes</c>: rate (and its ratio to the first window's), p50, p99 and process CPU per item.
/// </summary>
internal sealed class GrowthRun(int[] sizes, int window, int clients)
{
    /// <summary>How many items a run makes: up to the end of the last window, and one past it to close its CPU reading.</summary>
    public int Total => sizes[^1] + window + 1;

    /// <summary>Runs <paramref name="create"/> (client, item number) for every item, then prints the table; <paramref name="items"/> names them, <paramref name="where"/> says where they are made.</summary>
    public async Task RunAsync(string items, string where, Func<int, int, Task> create)
    {
        var started = new long[Total];
        var latency = new double[Total];
        var cpuAt = new Dictionary<int, TimeSpan>();
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Total)
            {
                if (sizes.Contains(i) || sizes.Contains(i - window))
                {
                    lock (cpuAt)
                    {
                        cpuAt[i] = Process.GetCurrentProcess().TotalProcessorTime;
                    }
                }

                started[i] = Stopwatch.GetTimestamp();
                await create(client, i);
                latency[i] = Stopwatch.GetElapsedTime(started[i]).TotalMilliseconds;
                if (i % 100_000 == 0)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {i:N0} {items} after {clock.Elapsed.TotalSeconds:F0} s"));
                }
            }
        })));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Total:N0} {items} {where}, {clients} clients, in {clock.Elapsed.TotalSeconds:F0} s"));
        Console.WriteLine($"| existing {items} | created/s | p50 | p99 | CPU each |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        var firstRate = 0.0;
        foreach (var size in sizes)
        {
            var rate = (window - 1) / Stopwatch.GetElapsedTime(started[size], started[size + window - 1]).TotalSeconds;
            firstRate = firstRate == 0 ? rate : firstRate;
            var measured = latency.AsSpan(size, window).ToArray();
            Array.Sort(measured);
            var cpu = (cpuAt[size + window] - cpuAt[size]).TotalMicroseconds / window;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {size:N0} | {rate:N0} ({rate / firstRate:F2}) | {measured[window / 2]:F2} ms | {measured[(int)(window * 0.99)]:F2} ms | {cpu:F0} µs |"));
        }
    }
}
