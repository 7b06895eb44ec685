using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Telephony.Catalog;
using Telephony.Catalog.Memory;
using Telephony.GrainInterfaces.Routing;
using Telephony.Testing;
using static Telephony.Grains.Tests.Routing.RoutingHarness;

namespace Telephony.Grains.Tests.Routing;

/// <summary>A workspace's tasks in the task catalog: listed from it, and the waiting list read back from it after a restart.</summary>
public sealed class WorkspaceTaskCatalogTests
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
        var catalog = after.Cluster.SiloService<ITaskCatalog>();
        var listed = new List<TaskEntry>();
        CatalogPosition? next = null;
        do
        {
            var page = await catalog.FindAsync(workspaceSid, new TaskFilter(), new PageRequest(50, next), default);
            listed.AddRange(page.Items);
            next = page.Next;
        }
        while (next is not null);
        var waitingAfter = Succeeded(await after.Workspace.GetWaitingTasks());

        Assert.Equal(Enumerable.Reverse(created), listed.Select(t => t.TaskSid));
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
        var catalog = new FlakyTaskCatalog();
        await using var harness = await StartAsync(services: s => s.Replace(ServiceDescriptor.Singleton<ITaskCatalog>(catalog)));
        var queue = await harness.AddQueueAsync(["support"]);
        var task = await harness.AddTaskAsync(queue.Sid);

        catalog.FailNextSave = true;
        await Assert.ThrowsAsync<IOException>(() => harness.TaskGrain(task.Sid).Update(new UpdateTaskRequest(Priority: 5)));
        var missed = Assert.Single((await catalog.FindAsync(harness.WorkspaceSid, new TaskFilter(), new PageRequest(5), default)).Items);

        // The failed call dropped the activation: the next call activates the task from storage, which repairs the catalog.
        var stored = await harness.GetTaskAsync(task.Sid);
        var repaired = Assert.Single((await catalog.FindAsync(harness.WorkspaceSid, new TaskFilter(), new PageRequest(5), default)).Items);

        Assert.Equal((task.Version, 0), (missed.Version, missed.Priority));
        Assert.Equal((stored.Version, 5), (repaired.Version, repaired.Priority));
    }

    /// <summary>The memory task catalog, whose next save can be made to fail as a lost connection would.</summary>
    private sealed class FlakyTaskCatalog : ITaskCatalog
    {
        private readonly MemoryTaskCatalog _inner = new();

        public bool FailNextSave { get; set; }

        public Task<bool> SaveAsync(TaskEntry entry, CancellationToken cancellationToken)
        {
            if (FailNextSave)
            {
                FailNextSave = false;
                throw new IOException("The catalog could not be reached.");
            }

            return _inner.SaveAsync(entry, cancellationToken);
        }

        public Task<CatalogPage<TaskEntry>> FindAsync(string workspaceSid, TaskFilter filter, PageRequest page, CancellationToken cancellationToken) =>
            _inner.FindAsync(workspaceSid, filter, page, cancellationToken);
    }
}
