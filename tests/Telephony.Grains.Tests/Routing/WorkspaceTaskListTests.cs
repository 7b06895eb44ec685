using Telephony.GrainInterfaces.Routing;
using Telephony.Grains.Routing;
using Telephony.Testing;
using static Telephony.Grains.Tests.Routing.RoutingHarness;

namespace Telephony.Grains.Tests.Routing;

/// <summary>A workspace's task list: sealed into pages as it grows, and kept across a restart.</summary>
public sealed class WorkspaceTaskListTests
{
    [Fact]
    public async Task Task_sids_are_listed_oldest_first_across_sealed_pages_and_after_a_restart()
    {
        const int Tasks = (WorkspaceGrain.TaskPageSize * 2) + 3;
        var time = new ManualTimeProvider();
        using var store = new TemporarySqliteFile();
        var created = new List<string>();
        string workspaceSid;
        IReadOnlyList<string> listedBefore;
        await using (var before = await StartAsync(time, store))
        {
            var queue = await before.AddQueueAsync(["support"]);
            for (var i = 0; i < Tasks; i++)
            {
                created.Add((await before.AddTaskAsync(queue.Sid)).Sid);
            }

            listedBefore = Succeeded(await before.Workspace.GetTaskSids());
            workspaceSid = before.WorkspaceSid;
        }

        await using var after = await StartAsync(time, store, workspaceSid);
        var listedAfter = Succeeded(await after.Workspace.GetTaskSids());
        var waitingAfter = Succeeded(await after.Workspace.GetWaitingTasks());

        Assert.Equal(created, listedBefore);
        Assert.Equal(created, listedAfter);
        Assert.Equal(created, waitingAfter.Select(w => w.TaskSid));
    }
}
