using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Telephony.GrainInterfaces.Routing;
using Telephony.SiloHost;

/// <summary>
/// Waiting-task creation as the waiting list grows: eight clients create tasks in one workspace that has a queue and no
/// workers, so every task stays waiting; the rate, p99 and CPU per task over the 1,000 tasks made after 1 k and 10 k wait.
/// </summary>
internal static class WaitingTasks
{
    private const int Window = 1_000;
    private const int Clients = 8;

    public static async Task RunAsync(string storage)
    {
        int[] sizes = [1_000, 10_000];
        var total = sizes[^1] + Window + 1;
        var file = Path.Combine(Path.GetTempPath(), $"telephony-tasks-bench-{Guid.NewGuid():N}.db");
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telephony:Storage:Provider"] = storage,
            ["Telephony:Storage:ConnectionString"] = $"Data Source={file}",
            ["Telephony:Accounts:0:Id"] = "bench",
        });
        builder.UseOrleans(silo => silo.AddTelephony(builder.Configuration));
        using var host = builder.Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var workspace = grains.GetGrain<IWorkspaceGrain>(RoutingSids.New(RoutingSids.WorkspacePrefix));
        await workspace.Create(new CreateWorkspaceRequest("bench", "Bench"));
        var queue = (await workspace.CreateTaskQueue(new CreateTaskQueueRequest("Support", ["en"]))).Value!;

        var started = new long[total];
        var latency = new double[total];
        var cpuAt = new Dictionary<int, TimeSpan>();
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                if (sizes.Contains(i) || sizes.Contains(i - Window))
                {
                    lock (cpuAt)
                    {
                        cpuAt[i] = Process.GetCurrentProcess().TotalProcessorTime;
                    }
                }

                started[i] = Stopwatch.GetTimestamp();
                var created = await workspace.CreateTask(new CreateTaskRequest(queue.Sid, """{"type":"call"}"""));
                latency[i] = Stopwatch.GetElapsedTime(started[i]).TotalMilliseconds;
                if (!created.IsSuccess)
                {
                    throw new InvalidOperationException($"Task {i} failed: {created.Error}");
                }
            }
        })));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{total:N0} waiting tasks in one workspace, store {storage}, {Clients} clients, in {clock.Elapsed.TotalSeconds:F0} s"));
        Console.WriteLine("| tasks waiting | created/s | p50 | p99 | CPU per task |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            var rate = (Window - 1) / Stopwatch.GetElapsedTime(started[size], started[size + Window - 1]).TotalSeconds;
            var window = latency.AsSpan(size, Window).ToArray();
            Array.Sort(window);
            var cpu = (cpuAt[size + Window] - cpuAt[size]).TotalMicroseconds / Window;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {size:N0} | {rate:N0} | {window[Window / 2]:F2} ms | {window[(int)(Window * 0.99)]:F2} ms | {cpu:F0} µs |"));
        }

        await host.StopAsync();
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }
}
