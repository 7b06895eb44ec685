using Orleans;
using Orleans.Runtime;
using Telephony.GrainInterfaces.Routing;

namespace Telephony.Grains.Routing;

/// <summary>A sealed page of a workspace's task sids; written once by the workspace, read when its tasks are listed.</summary>
[GrainType("workspacetaskpage")]
internal sealed class WorkspaceTaskPageGrain(
    [PersistentState("page")] IPersistentState<TaskPageState> state) : Grain, IWorkspaceTaskPageGrain
{
    /// <inheritdoc />
    public async Task Store(IReadOnlyList<string> taskSids)
    {
        ArgumentNullException.ThrowIfNull(taskSids);
        state.State.TaskSids = [.. taskSids];
        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> Get() => Task.FromResult<IReadOnlyList<string>>([.. state.State.TaskSids]);
}
