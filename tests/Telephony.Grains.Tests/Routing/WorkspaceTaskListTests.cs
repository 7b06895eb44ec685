using System.Text;
using System.Text.Json.Nodes;
using Telephony.GrainInterfaces.Routing;
using Telephony.Grains.Routing;
using Telephony.Runtime.Reminders;
using Telephony.Runtime.Storage;
using Telephony.Testing;
using static Telephony.Grains.Tests.Routing.RoutingHarness;

namespace Telephony.Grains.Tests.Routing;

/// <summary>A workspace's task list: sealed into pages as it grows, and moved out of the workspace state it was once stored in.</summary>
public sealed class WorkspaceTaskListTests
{
    [Fact]
    public async Task Task_sids_are_listed_oldest_first_across_sealed_pages_and_after_a_restart()
    {
        const int Tasks = (WorkspaceGrain.TaskPageSize * 2) + 3;
        var time = new ManualTimeProvider();
        var storage = new MemoryGrainStorage();
        var reminders = new MemoryReminderTable();
        var created = new List<string>();
        string workspaceSid;
        IReadOnlyList<string> listedBefore;
        await using (var before = await StartAsync(time, storage, reminders))
        {
            var queue = await before.AddQueueAsync(["support"]);
            for (var i = 0; i < Tasks; i++)
            {
                created.Add((await before.AddTaskAsync(queue.Sid)).Sid);
            }

            listedBefore = Succeeded(await before.Workspace.GetTaskSids());
            workspaceSid = before.WorkspaceSid;
        }

        await using var after = await StartAsync(time, storage, reminders, workspaceSid);
        var listedAfter = Succeeded(await after.Workspace.GetTaskSids());
        var waitingAfter = Succeeded(await after.Workspace.GetWaitingTasks());

        Assert.Equal(created, listedBefore);
        Assert.Equal(created, listedAfter);
        Assert.Equal(created, waitingAfter.Select(w => w.TaskSid));
    }

    [Fact]
    public async Task Task_lists_stored_in_the_workspace_state_are_moved_to_the_tasks_state_and_routed()
    {
        var time = new ManualTimeProvider();
        var storage = new MemoryGrainStorage();
        var reminders = new MemoryReminderTable();
        string workspaceSid, workerSid;
        string[] taskSids;
        await using (var before = await StartAsync(time, storage, reminders))
        {
            workerSid = (await before.AddWorkerAsync("late", ["support"], available: false)).Sid;
            var queue = await before.AddQueueAsync(["support"]);
            taskSids = [(await before.AddTaskAsync(queue.Sid)).Sid, (await before.AddTaskAsync(queue.Sid)).Sid];
            workspaceSid = before.WorkspaceSid;
        }

        await StoreAsTheOldLayoutAsync(storage, workspaceSid);
        await using var after = await StartAsync(time, storage, reminders, workspaceSid);
        var listed = Succeeded(await after.Workspace.GetTaskSids());
        var waiting = Succeeded(await after.Workspace.GetWaitingTasks());
        await after.SetAvailableAsync(workerSid, true);
        var offered = Assert.Single(await after.WaitForReservationsAsync(taskSids[0], 1));
        var workspaceState = JsonNode.Parse((await storage.ReadAsync(WorkspaceKey(workspaceSid, "workspace"), default))!.Payload)!;

        Assert.Equal(taskSids, listed);
        Assert.Equal(taskSids, waiting.Select(w => w.TaskSid));
        Assert.Equal(workerSid, offered.WorkerSid);
        Assert.Empty(workspaceState["TaskSids"]!.AsArray());
        Assert.Empty(workspaceState["WaitingTasks"]!.AsArray());
    }

    /// <summary>Puts the task sids and waiting tasks back into the workspace state and drops the tasks state, as stored before the split.</summary>
    private static async Task StoreAsTheOldLayoutAsync(MemoryGrainStorage storage, string workspaceSid)
    {
        var workspaceKey = WorkspaceKey(workspaceSid, "workspace");
        var tasksKey = WorkspaceKey(workspaceSid, "tasks");
        var workspace = (await storage.ReadAsync(workspaceKey, default))!;
        var tasks = (await storage.ReadAsync(tasksKey, default))!;
        var workspaceJson = JsonNode.Parse(workspace.Payload)!.AsObject();
        var tasksJson = JsonNode.Parse(tasks.Payload)!.AsObject();
        workspaceJson["TaskSids"] = tasksJson["RecentTaskSids"]!.DeepClone();
        workspaceJson["WaitingTasks"] = tasksJson["WaitingTasks"]!.DeepClone();
        await storage.WriteAsync(workspaceKey, Encoding.UTF8.GetBytes(workspaceJson.ToJsonString()), workspace.Version, default);
        await storage.WriteAsync(tasksKey, null, tasks.Version, default);
    }

    private static GrainStateKey WorkspaceKey(string workspaceSid, string stateName) => new("Workspace", workspaceSid, stateName);
}
