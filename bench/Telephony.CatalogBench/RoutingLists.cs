using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Telephony.Catalog;
using Telephony.GrainInterfaces.Routing;

/// <summary>
/// The routing catalog's lists at size: eight clients store task and reservation entries of one workspace straight into
/// the silo's catalog (the rate per pair at 1 k, 10 k, 100 k and 1 M pairs stored), each with the document the grains
/// store; one pair in ten belongs to one busy worker, the rest to 999 others; one task in twenty and one reservation in
/// fifty is pending. Then every routing list is read at the final size.
/// </summary>
internal static class RoutingLists
{
    private const int Window = 5_000;
    private const int Clients = 8;
    private const int Workers = 1_000;
    private const string Workspace = "WSbench";
    private const string BusyWorker = "WKbusy";

    public static async Task RunAsync(int total, string storage)
    {
        var run = new GrowthRun([.. new[] { 1_000, 10_000, 100_000, 1_000_000 }.Where(size => size <= Math.Max(total, 1_000))], Window, Clients);
        await using var node = await BenchNode.StartAsync(storage, new Dictionary<string, string?>());
        var catalog = node.Services.GetRequiredService<IRoutingCatalog>();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        for (var w = 0; w < Workers; w++)
        {
            await catalog.SaveAsync(WorkerEntry(w == 0 ? BusyWorker : $"WK{w:D6}", start.AddSeconds(w), w % 3 == 0 ? "Available" : "Offline"), default);
        }

        await run.RunAsync("task and reservation pairs", $"of one workspace, store {storage}", async (_, i) =>
        {
            var created = start.AddMilliseconds(i * 10L);
            var task = TaskOf(i, created);
            await catalog.SaveAsync(TaskEntry(task), default);
            await catalog.SaveAsync(ReservationEntry(i, task, i % 10 == 0 ? BusyWorker : $"WK{1 + (i % (Workers - 1)):D6}", created), default);
        });

        async Task<string> Pages(RoutingKind kind, RoutingFilter filter, int size)
        {
            var hundredth = await ListTimer.HundredthPageStartAsync(after => catalog.FindAsync(kind, Workspace, filter, new PageRequest(size, after), default));
            var first = await ListTimer.TimeAsync(async () => (await catalog.FindAsync(kind, Workspace, filter, new PageRequest(size), default)).Items.Count);
            var later = hundredth is null ? "(fewer pages)" : await ListTimer.TimeAsync(async () => (await catalog.FindAsync(kind, Workspace, filter, new PageRequest(size, hundredth), default)).Items.Count);
            return $"{first} | {later}";
        }

        Console.WriteLine();
        Console.WriteLine("| list at the final size (50 a page) | first page | hundredth page |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine($"| GET /workspaces/{{ws}}/tasks | {await Pages(RoutingKind.Task, new RoutingFilter(), 50)} |");
        Console.WriteLine($"| …/tasks?AssignmentStatus=pending (1 in 20) | {await Pages(RoutingKind.Task, new RoutingFilter { Status = "pending" }, 50)} |");
        Console.WriteLine($"| …/tasks?TaskQueueSid= (1 of 4 queues) | {await Pages(RoutingKind.Task, new RoutingFilter { GroupSid = "WQ1" }, 50)} |");
        Console.WriteLine($"| …/tasks?AssignmentStatus=pending&TaskQueueSid= (the queue of the pending ones) | {await Pages(RoutingKind.Task, new RoutingFilter { Status = "pending", GroupSid = "WQ0" }, 50)} |");
        Console.WriteLine($"| …/workers ({Workers:N0}; 10 a page) | {await Pages(RoutingKind.Worker, new RoutingFilter(), 10)} |");
        Console.WriteLine($"| …/workers?ActivityName=Available (10 a page) | {await Pages(RoutingKind.Worker, new RoutingFilter { Status = "Available" }, 10)} |");
        Console.WriteLine($"| …/workers/{{busy}}/reservations (1 pair in 10) | {await Pages(RoutingKind.Reservation, new RoutingFilter { GroupSid = BusyWorker }, 50)} |");
        Console.WriteLine($"| …/workers/{{busy}}/reservations?ReservationStatus=pending | {await Pages(RoutingKind.Reservation, new RoutingFilter { GroupSid = BusyWorker, Status = "pending" }, 50)} |");
        Console.WriteLine($"| …/workers/{{other}}/reservations | {await Pages(RoutingKind.Reservation, new RoutingFilter { GroupSid = "WK000001" }, 50)} |");
    }

    private static RoutingTask TaskOf(int i, DateTimeOffset created) => new()
    {
        Sid = $"WT{i:D32}",
        AccountSid = "bench",
        WorkspaceSid = Workspace,
        QueueSid = $"WQ{i % 4}",
        Attributes = """{"type":"call","from":"+15550100000","skills":["en"]}""",
        Priority = i % 3,
        Status = i % 20 == 0 ? RoutingTaskStatus.Pending : RoutingTaskStatus.Completed,
        SessionId = $"session-{i}",
        DateCreated = created,
        DateUpdated = created,
        Version = 4,
    };

    private static RoutingEntry TaskEntry(RoutingTask task) =>
        new(RoutingKind.Task, Workspace, task.Sid, task.Version, task.DateCreated, RoutingStatusNames.Of(task.Status), task.QueueSid, JsonSerializer.SerializeToUtf8Bytes(task, RoutingJsonContext.Default.RoutingTask))
        {
            Priority = task.Priority,
        };

    private static RoutingEntry ReservationEntry(int i, RoutingTask task, string workerSid, DateTimeOffset created)
    {
        var reservation = new Reservation
        {
            AccountSid = "bench",
            WorkspaceSid = Workspace,
            WorkerSid = workerSid,
            Sid = $"WR{i:D32}",
            Status = i % 50 == 0 ? ReservationStatus.Pending : ReservationStatus.Completed,
            Task = task,
            Timeout = 120,
            DateCreated = created,
            DateUpdated = created,
            Version = 3,
        };
        return new RoutingEntry(RoutingKind.Reservation, Workspace, reservation.Sid, reservation.Version, created, RoutingStatusNames.Of(reservation.Status), workerSid, JsonSerializer.SerializeToUtf8Bytes(reservation, RoutingJsonContext.Default.Reservation));
    }

    private static RoutingEntry WorkerEntry(string sid, DateTimeOffset created, string activity)
    {
        var worker = new Worker
        {
            Sid = sid,
            AccountSid = "bench",
            WorkspaceSid = Workspace,
            FriendlyName = sid,
            Attributes = """{"skills":["en"],"contact_uri":"client:agent"}""",
            ActivityName = activity,
            Available = activity == "Available",
            DateCreated = created,
            DateUpdated = created,
            Version = 1,
        };
        return new RoutingEntry(RoutingKind.Worker, Workspace, sid, 1, created, activity, null, JsonSerializer.SerializeToUtf8Bytes(worker, RoutingJsonContext.Default.Worker));
    }
}
