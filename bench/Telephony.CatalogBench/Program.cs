using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Telephony.Catalog;
using Telephony.GrainInterfaces.Sessions;

// Usage: Telephony.CatalogBench [sessions=1000000] [Sqlite|Memory] [clients=8]
//        Telephony.CatalogBench tasks [Sqlite|Memory]
//        Telephony.CatalogBench routing [entries=1000000] [Sqlite|Memory]
// Clients create chat sessions of one account through the session grain, as fast as they can; the rate, p99 and CPU
// per session are measured over the 5,000 sessions made after each size of 1 k, 10 k, 100 k and 1 M up to `sessions`.
// Then every list is read at the final size: first page, hundredth page, and the count.
// With "tasks": waiting tasks instead, created in a workspace without workers (see WaitingTasks).
// With "routing": the routing catalog's lists at size (see RoutingLists).
if (args is ["tasks", ..])
{
    await WaitingTasks.RunAsync(args.Length > 1 ? args[1] : "Sqlite");
    return;
}

if (args is ["routing", ..])
{
    await RoutingLists.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000, args.Length > 2 ? args[2] : "Sqlite");
    return;
}

var total = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var storage = args.Length > 1 ? args[1] : "Sqlite";
var clients = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 8;
const int Window = 5_000;
const string Account = "bench";
var run = new GrowthRun([.. new[] { 1_000, 10_000, 100_000, 1_000_000 }.Where(size => size <= Math.Max(total, 1_000))], Window, clients);

await using var node = await BenchNode.StartAsync(storage, new Dictionary<string, string?>
{
    ["Telephony:Accounts:0:Id"] = Account,
    ["Telephony:Accounts:0:CallerId"] = "+15550100000",
    ["Telephony:Accounts:1:Id"] = "warmup",
    ["Telephony:Accounts:1:CallerId"] = "+15550100000",

    // A million sessions would not fit in memory if each stayed active for Orleans' default two hours of idleness.
    ["Telephony:Silo:CollectionAge"] = "00:00:20",
    ["Telephony:Silo:CollectionQuantum"] = "00:00:05",
});
var grains = node.Services.GetRequiredService<IGrainFactory>();
var catalog = node.Services.GetRequiredService<ISessionCatalog>();

// Another account's sessions first, for longer than idle sessions stay in memory: the measured ones then run on
// tiered-up code with as many sessions active as at any later time.
await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
{
    var caller = new SessionCaller("warmup", $"agent{client}@warmup.example", IsAdmin: false);
    for (var i = client; i < 60_000; i += clients)
    {
        await grains.GetGrain<ISessionGrain>($"w{i:D8}").Start(caller, new NewSession { Channel = FlowChannels.Chat, Destination = $"+1555{i:D7}" });
    }
})));

var callers = Enumerable.Range(0, clients).Select(client => new SessionCaller(Account, $"agent{client}@bench.example", IsAdmin: false)).ToArray();
await run.RunAsync("sessions", $"(chat) of one account, store {storage}", async (client, i) =>
{
    var result = await grains.GetGrain<ISessionGrain>($"s{i:D8}").Start(callers[client], new NewSession { Channel = FlowChannels.Chat, Destination = $"+1555{i % 10_000_000:D7}" });
    if (!result.IsSuccess)
    {
        throw new InvalidOperationException($"Session {i} failed: {result.Error}");
    }
});

var all = new SessionFilter();
var hundredth = await ListTimer.HundredthPageStartAsync(after => catalog.FindAsync(Account, all, new PageRequest(25, after), default));
var liveHundredth = await ListTimer.HundredthPageStartAsync(after => catalog.FindLiveAsync(Account, null, new PageRequest(50, after), default));
var myHundredth = await ListTimer.HundredthPageStartAsync(after => catalog.FindLiveAsync(Account, "agent0@bench.example", new PageRequest(50, after), default));
Console.WriteLine();
Console.WriteLine("| list at the final size | first page | hundredth page |");
Console.WriteLine("|---|---:|---:|");
Console.WriteLine($"| GET /sessions (25 a page) by token | {await ListTimer.TimeAsync(async () => (await catalog.FindAsync(Account, all, new PageRequest(25), default)).Items.Count)} | {await ListTimer.TimeAsync(async () => (await catalog.FindAsync(Account, all, new PageRequest(25, hundredth), default)).Items.Count)} |");
Console.WriteLine($"| GET /sessions?page=99 (numbered: skips 2,475) | | {await ListTimer.TimeAsync(async () => (await catalog.FindAsync(Account, all, new PageRequest(25, Skip: 99 * 25), default)).Items.Count)} |");
Console.WriteLine($"| GET /sessions?from=5550 (a filter no index serves) | {await ListTimer.TimeAsync(async () => (await catalog.FindAsync(Account, all with { FromContains = "5550" }, new PageRequest(25), default)).Items.Count)} | |");
Console.WriteLine($"| GET /sessions/active (50 a page) | {await ListTimer.TimeAsync(async () => (await catalog.FindLiveAsync(Account, null, new PageRequest(50), default)).Items.Count)} | {await ListTimer.TimeAsync(async () => (await catalog.FindLiveAsync(Account, null, new PageRequest(50, liveHundredth), default)).Items.Count)} |");
Console.WriteLine($"| GET /sessions/my (one of {clients} users) | {await ListTimer.TimeAsync(async () => (await catalog.FindLiveAsync(Account, "agent0@bench.example", new PageRequest(50), default)).Items.Count)} | {await ListTimer.TimeAsync(async () => (await catalog.FindLiveAsync(Account, "agent0@bench.example", new PageRequest(50, myHundredth), default)).Items.Count)} |");
Console.WriteLine($"| totalCount of GET /sessions (a pass over all) | {await ListTimer.TimeAsync(() => catalog.CountAsync(Account, all, default))} | |");
