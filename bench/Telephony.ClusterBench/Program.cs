using System.Diagnostics;
using System.Globalization;
using Telephony.Testing;
using Telephony.Testing.Cluster;

// Usage: Telephony.ClusterBench [seconds] [concurrency]
// The same signed callbacks (incoming call, then hang-up; Twilio and Bandwidth in turn) to one co-hosted node, then to
// three headless silos behind two client front doors, each setup on an Azurite of its own. Reports callbacks per second
// and CPU per acknowledged callback of all processes together, with and without the emulator's share.
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
var folder = Path.Combine(Path.GetTempPath(), $"telephony-cluster-bench-{Environment.ProcessId}");
using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(45) };
var accounts = ClusterAccounts.Settings(LoopbackPorts.Take(1)[0]);
var next = 0;

// Each phase has an emulator of its own: Azurite's in-memory tables cost more the more they hold.
(double All, double Telephony) single, scaled;
await using (var cluster = await LocalCluster.StartAsync(Path.Combine(folder, "single")))
{
    cluster.StartApi("single", cluster.Settings("single", accounts), mode: "Silo");
    await cluster.WaitReadyAsync(http, silos: 1);
    single = await MeasureAsync(cluster, "one co-hosted node");
}

await using (var cluster = await LocalCluster.StartAsync(Path.Combine(folder, "cluster")))
{
    var settings = cluster.Settings("cluster", accounts);
    for (var i = 1; i <= 3; i++)
    {
        cluster.StartSilo($"silo{i}", settings);
    }

    cluster.StartApi("api1", settings);
    cluster.StartApi("api2", settings);
    await cluster.WaitReadyAsync(http, silos: 3);
    scaled = await MeasureAsync(cluster, "3 silos + 2 client front doors");
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio, cluster to one node, CPU per callback: {scaled.All / single.All:F2} all processes, {scaled.Telephony / single.Telephony:F2} without Azurite"));

async Task<(double All, double Telephony)> MeasureAsync(LocalCluster cluster, string what)
{
    var traffic = new Traffic(http, cluster.ApiUrls);

    // A long warm-up, so the measured run does not pay for tiered compilation, then a quiet spell that tells how much
    // CPU the processes use doing nothing (membership, reminders, statistics), shown beside the run's figures.
    await RunAsync(traffic, TimeSpan.FromSeconds(seconds));
    var idle = await CpuPerSecondAsync(cluster, TimeSpan.FromSeconds(10));
    var cpu = cluster.CpuTime();
    var emulator = cluster.EmulatorCpuTime();
    var before = traffic.Attempts.Count(a => (int)a.Status is >= 200 and < 300);
    var clock = Stopwatch.StartNew();
    await RunAsync(traffic, TimeSpan.FromSeconds(seconds));
    var elapsed = clock.Elapsed;
    var acknowledged = traffic.Attempts.Count(a => (int)a.Status is >= 200 and < 300) - before;
    var all = (cluster.CpuTime() - cpu).TotalMicroseconds / acknowledged;
    var azurite = (cluster.EmulatorCpuTime() - emulator).TotalMicroseconds / acknowledged;
    var latencies = traffic.Attempts.Select(a => a.Took.TotalMilliseconds).Order().ToList();
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{what}: {acknowledged / elapsed.TotalSeconds:F0} callbacks/s, CPU per callback {all:F0} us all processes ({azurite:F0} us of it Azurite's), p50 {latencies[latencies.Count / 2]:F1} ms, p99 {latencies[(int)(latencies.Count * 0.99)]:F1} ms; idle, the processes use {idle:F0} ms of CPU a second"));
    return (all, all - azurite);
}

async Task<double> CpuPerSecondAsync(LocalCluster cluster, TimeSpan spell)
{
    var from = cluster.CpuTime();
    await Task.Delay(spell);
    return (cluster.CpuTime() - from).TotalMilliseconds / spell.TotalSeconds;
}

async Task RunAsync(Traffic traffic, TimeSpan duration)
{
    var until = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        while (until.Elapsed < duration)
        {
            await CallLoad.PlaceAsync(traffic, Interlocked.Increment(ref next), duplicated: false);
        }
    }));
}
