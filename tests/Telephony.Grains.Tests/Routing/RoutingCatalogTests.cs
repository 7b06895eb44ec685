using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Telephony.Catalog;
using Telephony.Catalog.Memory;
using Telephony.GrainInterfaces.Routing;
using Telephony.Testing;
using static Telephony.Grains.Tests.Routing.RoutingHarness;

namespace Telephony.Grains.Tests.Routing;

/// <summary>
/// A workspace's tasks, workers and reservations in the routing catalog: listed from it, kept at each stored version,
/// repaired when a version missed it, and the waiting list read back from it after a restart.
/// </summary>
public sealed class RoutingCatalogTests
{
    [Fact]
    public async Task Tasks_are_listed_newest_first_and_the_waiting_list_comes_back_after_a_restart()
    {
        const int Tasks = 130;
        var time = new ManualTimeProvider();
        using var store = new TemporarySqliteFile();
        var created = new List<string>();
        string workspaceSid;
        await using (var before = await StartAsync(time, store))
        {
            var queue = await before.AddQueueAsync(["support"]);
            for (var i = 0; i < Tasks; i++)
            {
                // A tick apart, so the list's order is the order of creation.
                time.Advance(TimeSpan.FromMilliseconds(1));
                created.Add((await before.AddTaskAsync(queue.Sid)).Sid);
            }

            workspaceSid = before.WorkspaceSid;
        }

        await using var after = await StartAsync(time, store, workspaceSid);
        var catalog = after.Cluster.SiloService<IRoutingCatalog>();
        var listed = new List<RoutingEntry>();
        CatalogPosition? next = null;
        do
        {
            var page = await catalog.FindAsync(RoutingKind.Task, workspaceSid, new RoutingFilter(), new PageRequest(50, next), default);
            listed.AddRange(page.Items);
            next = page.Next;
        }
        while (next is not null);
        var waitingAfter = Succeeded(await after.Workspace.GetWaitingTasks());

        Assert.Equal(Enumerable.Reverse(created), listed.Select(t => t.Sid));
        Assert.All(listed, t => Assert.Equal("pending", t.Status));
        Assert.Equal(created, waitingAfter.Select(w => w.TaskSid));
    }

    [Fact]
    public async Task A_rejected_task_waits_again_without_the_worker_that_rejected_it_after_a_restart()
    {
        var time = new ManualTimeProvider();
        using var store = new TemporarySqliteFile();
        string workspaceSid;
        string workerSid;
        string taskSid;
        await using (var before = await StartAsync(time, store))
        {
            var queue = await before.AddQueueAsync(["support"]);
            workerSid = (await before.AddWorkerAsync("agent", ["support"])).Sid;
            taskSid = (await before.AddTaskAsync(queue.Sid)).Sid;
            var offered = Assert.Single(await before.WaitForReservationsAsync(taskSid, 1));
            Succeeded(await before.ReservationGrain(offered.Sid).Reject(new ReservationInstruction()));
            await before.WaitForStatusAsync(offered.Sid, ReservationStatus.Rejected);
            workspaceSid = before.WorkspaceSid;
        }

        await using var after = await StartAsync(time, store, workspaceSid);
        var waiting = Assert.Single(Succeeded(await after.Workspace.GetWaitingTasks()));

        Assert.Equal(taskSid, waiting.TaskSid);
        Assert.Equal([workerSid], waiting.ExcludedWorkerSids);
    }

    [Fact]
    public async Task A_task_version_that_failed_to_reach_the_catalog_gets_there_when_the_task_activates_again()
    {
        var catalog = new FlakyRoutingCatalog();
        await using var harness = await StartAsync(services: s => s.Replace(ServiceDescriptor.Singleton<IRoutingCatalog>(catalog)));
        var queue = await harness.AddQueueAsync(["support"]);
        var task = await harness.AddTaskAsync(queue.Sid);

        catalog.FailNextSave = RoutingKind.Task;
        await Assert.ThrowsAsync<IOException>(() => harness.TaskGrain(task.Sid).Update(new UpdateTaskRequest(Priority: 5)));
        var missed = Assert.Single(await AllAsync(catalog, RoutingKind.Task, harness.WorkspaceSid));

        // The failed call dropped the activation: the next call activates the task from storage, which repairs the catalog.
        var stored = await harness.GetTaskAsync(task.Sid);
        var repaired = Assert.Single(await AllAsync(catalog, RoutingKind.Task, harness.WorkspaceSid));

        Assert.Equal((task.Version, 0), (missed.Version, missed.Priority));
        Assert.Equal((stored.Version, 5), (repaired.Version, repaired.Priority));
    }

    [Fact]
    public async Task Workers_are_listed_with_their_activity_at_each_change()
    {
        await using var harness = await StartAsync();
        var catalog = harness.Cluster.SiloService<IRoutingCatalog>();
        var first = await harness.AddWorkerAsync("ann", ["support"], available: false);
        var second = await harness.AddWorkerAsync("bob", ["support"]);

        var changed = await harness.SetAvailableAsync(first.Sid, available: true);
        var listed = await AllAsync(catalog, RoutingKind.Worker, harness.WorkspaceSid);
        var available = await catalog.FindAsync(RoutingKind.Worker, harness.WorkspaceSid, new RoutingFilter { Status = "Available" }, new PageRequest(10), default);

        // Made at the same instant (the clock is the test's), so listed by sid.
        Assert.Equal(new[] { first.Sid, second.Sid }.Order(StringComparer.Ordinal), listed.Select(w => w.Sid));
        Assert.Equal(changed, JsonSerializer.Deserialize(listed.Single(w => w.Sid == first.Sid).Document, RoutingJsonContext.Default.Worker));
        Assert.Equal(2, available.Items.Count);
    }

    [Fact]
    public async Task A_workers_reservations_are_listed_by_status_as_they_move()
    {
        await using var harness = await StartAsync();
        var catalog = harness.Cluster.SiloService<IRoutingCatalog>();
        var queue = await harness.AddQueueAsync(["support"]);
        var worker = await harness.AddWorkerAsync("ann", ["support"]);
        var first = await harness.AddTaskAsync(queue.Sid);
        var rejected = Assert.Single(await harness.WaitForReservationsAsync(first.Sid, 1));
        Succeeded(await harness.ReservationGrain(rejected.Sid).Reject(new ReservationInstruction()));
        var second = await harness.AddTaskAsync(queue.Sid);
        var pending = Assert.Single(await harness.WaitForReservationsAsync(second.Sid, 1));

        var mine = new RoutingFilter { GroupSid = worker.Sid };
        var all = await catalog.FindAsync(RoutingKind.Reservation, harness.WorkspaceSid, mine, new PageRequest(10), default);
        var pendingOnly = await catalog.FindAsync(RoutingKind.Reservation, harness.WorkspaceSid, mine with { Status = "pending" }, new PageRequest(10), default);
        var stored = await harness.GetReservationAsync(rejected.Sid);

        Assert.Equal(new[] { rejected.Sid, pending.Sid }.Order(StringComparer.Ordinal), all.Items.Select(r => r.Sid).Order(StringComparer.Ordinal));
        Assert.Equal([pending.Sid], pendingOnly.Items.Select(r => r.Sid));
        Assert.Equal(stored, JsonSerializer.Deserialize(all.Items.Single(r => r.Sid == rejected.Sid).Document, RoutingJsonContext.Default.Reservation));
    }

    [Fact]
    public async Task A_worker_version_that_failed_to_reach_the_catalog_gets_there_when_the_worker_activates_again()
    {
        var catalog = new FlakyRoutingCatalog();
        await using var harness = await StartAsync(services: s => s.Replace(ServiceDescriptor.Singleton<IRoutingCatalog>(catalog)));
        var worker = await harness.AddWorkerAsync("ann", ["support"]);

        catalog.FailNextSave = RoutingKind.Worker;
        await Assert.ThrowsAsync<IOException>(() => harness.WorkerGrain(worker.Sid).Update(new UpdateWorkerRequest(FriendlyName: "Ann")));
        var missed = Assert.Single(await AllAsync(catalog, RoutingKind.Worker, harness.WorkspaceSid));
        var stored = Succeeded(await harness.WorkerGrain(worker.Sid).Get());
        var repaired = Assert.Single(await AllAsync(catalog, RoutingKind.Worker, harness.WorkspaceSid));

        Assert.Equal(worker, JsonSerializer.Deserialize(missed.Document, RoutingJsonContext.Default.Worker));
        Assert.Equal("Ann", stored.FriendlyName);
        Assert.Equal(stored, JsonSerializer.Deserialize(repaired.Document, RoutingJsonContext.Default.Worker));
    }

    [Fact]
    public async Task A_reservation_version_that_failed_to_reach_the_catalog_gets_there_when_the_reservation_activates_again()
    {
        var catalog = new FlakyRoutingCatalog();
        await using var harness = await StartAsync(services: s => s.Replace(ServiceDescriptor.Singleton<IRoutingCatalog>(catalog)));
        var queue = await harness.AddQueueAsync(["support"]);
        await harness.AddWorkerAsync("ann", ["support"]);
        var task = await harness.AddTaskAsync(queue.Sid);
        var offered = Assert.Single(await harness.WaitForReservationsAsync(task.Sid, 1));

        catalog.FailNextSave = RoutingKind.Reservation;
        await Assert.ThrowsAsync<IOException>(() => harness.ReservationGrain(offered.Sid).Reject(new ReservationInstruction()));
        var missed = Assert.Single(await AllAsync(catalog, RoutingKind.Reservation, harness.WorkspaceSid));
        var stored = await harness.GetReservationAsync(offered.Sid);
        var repaired = Assert.Single(await AllAsync(catalog, RoutingKind.Reservation, harness.WorkspaceSid));

        Assert.Equal((offered.Version, "pending"), (missed.Version, missed.Status));
        Assert.Equal(ReservationStatus.Rejected, stored.Status);
        Assert.Equal((stored.Version, "rejected"), (repaired.Version, repaired.Status));
    }

    private static async Task<IReadOnlyList<RoutingEntry>> AllAsync(IRoutingCatalog catalog, RoutingKind kind, string workspaceSid) =>
        (await catalog.FindAsync(kind, workspaceSid, new RoutingFilter(), new PageRequest(100), default)).Items;

    /// <summary>The memory routing catalog, whose next save can be made to fail as a lost connection would.</summary>
    private sealed class FlakyRoutingCatalog : IRoutingCatalog
    {
        private readonly MemoryRoutingCatalog _inner = new();

        /// <summary>The kind whose next save fails.</summary>
        public RoutingKind? FailNextSave { get; set; }

        public Task<bool> SaveAsync(RoutingEntry entry, CancellationToken cancellationToken)
        {
            if (FailNextSave == entry.Kind)
            {
                // A failed write, as a store reports it: a faulted task.
                FailNextSave = null;
                return Task.FromException<bool>(new IOException("The catalog could not be reached."));
            }

            return _inner.SaveAsync(entry, cancellationToken);
        }

        public Task<CatalogPage<RoutingEntry>> FindAsync(RoutingKind kind, string workspaceSid, RoutingFilter filter, PageRequest page, CancellationToken cancellationToken) =>
            _inner.FindAsync(kind, workspaceSid, filter, page, cancellationToken);
    }
}
