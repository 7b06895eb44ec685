using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Telephony.GrainInterfaces.Routing;
using Telephony.Grains.Routing;
using Telephony.SiloHost;

// Usage: Telephony.RoutingBench [workers] [tasks] [Memory|Sqlite]
// Every worker accepts and completes each reservation it is offered, as fast as it can; the run
// measures offers routed per second end to end and the latency of the accept instruction.
var workers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000;
var tasks = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
var storage = args.Length > 2 ? args[2] : "Memory";

var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Telephony:Storage:Provider"] = storage,
    ["Telephony:Storage:ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"telephony-routing-bench-{Guid.NewGuid():N}.db")}",
    ["Telephony:Accounts:0:Id"] = "bench",
});
builder.UseOrleans(silo => silo.AddTelephony(builder.Configuration));
using var host = builder.Build();
await host.StartAsync();
var grains = host.Services.GetRequiredService<IGrainFactory>();
var broadcaster = host.Services.GetRequiredService<WorkerEventBroadcaster>();

var ws = RoutingSids.New(RoutingSids.WorkspacePrefix);
var workspace = grains.GetGrain<IWorkspaceGrain>(ws);
await workspace.Create(new CreateWorkspaceRequest("bench", "Bench"));
var queue = (await workspace.CreateTaskQueue(new CreateTaskQueueRequest("Support", ["en"]))).Value!;

var acceptLatencies = new List<double>(tasks);
var completed = 0;
var allDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
var agents = new List<Task>();
using var stop = new CancellationTokenSource();
for (var i = 0; i < workers; i++)
{
    var worker = (await workspace.CreateWorker(new CreateWorkerRequest($"agent-{i}", """{"skills":["en"]}""", WorkerActivity.Idle))).Value!;
    var subscription = await broadcaster.SubscribeAsync(ws, worker.Sid, CancellationToken.None);
    agents.Add(Task.Run(async () =>
    {
        using (subscription)
        {
            await foreach (var workerEvent in subscription.Events.ReadAllAsync(stop.Token))
            {
                if (workerEvent.EventType != WorkerEventType.ReservationCreated)
                {
                    continue;
                }

                var reservation = grains.GetGrain<IReservationGrain>(workerEvent.Reservation.Sid);
                var started = Stopwatch.GetTimestamp();
                var accepted = await reservation.Accept(new ReservationInstruction());
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                lock (acceptLatencies)
                {
                    acceptLatencies.Add(elapsed);
                }

                if (accepted.IsSuccess)
                {
                    await reservation.Complete(new ReservationInstruction());
                    if (Interlocked.Increment(ref completed) == tasks)
                    {
                        allDone.TrySetResult();
                    }
                }
            }
        }
    }));
}

// Process CPU and collections count the silo's work however busy the (shared) machine is, unlike the wall clock.
var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
var gen2AtStart = GC.CollectionCount(2);
var gcPauseAtStart = GC.GetTotalPauseDuration();
var clock = Stopwatch.StartNew();
await Parallel.ForAsync(0, tasks, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (_, _) =>
    await workspace.CreateTask(new CreateTaskRequest(queue.Sid, """{"type":"call"}""")));
var queued = clock.Elapsed;
var finished = await Task.WhenAny(allDone.Task, Task.Delay(TimeSpan.FromMinutes(5)));
clock.Stop();
var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart;
var gen2 = GC.CollectionCount(2) - gen2AtStart;
var gcPause = GC.GetTotalPauseDuration() - gcPauseAtStart;
stop.Cancel();

double[] sorted;
lock (acceptLatencies)
{
    sorted = [.. acceptLatencies.Order()];
}

double Percentile(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
    workers {workers}, tasks {tasks}, store {storage}{(finished == allDone.Task ? string.Empty : " (TIMED OUT)")}
    tasks created in {queued.TotalSeconds:F2} s; all offered, accepted and completed in {clock.Elapsed.TotalSeconds:F2} s
    offers routed and accepted: {completed / clock.Elapsed.TotalSeconds:F0}/s ({completed} of {tasks})
    accept latency: p50 {Percentile(0.50):F2} ms, p99 {Percentile(0.99):F2} ms, max {Percentile(1.0):F2} ms ({sorted.Length} accepts)
    process CPU {cpu.TotalSeconds:F1} s ({cpu.TotalMilliseconds / Math.Max(1, completed):F2} ms per offer); {gen2} gen2 collections, GC pauses {gcPause.TotalSeconds:F1} s
    """));
await host.StopAsync();
