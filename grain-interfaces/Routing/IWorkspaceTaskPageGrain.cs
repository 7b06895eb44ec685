using Orleans;

namespace Telephony.GrainInterfaces.Routing;

/// <summary>
/// A full page of a workspace's task sids (key: <c>{workspaceSid}/tasks-{page}</c>). The workspace keeps its
/// newest task sids in its own state and moves them here a page at a time, so creating a task rewrites
/// at most one page of sids instead of every sid the workspace ever had.
/// </summary>
[Alias("telephony.IWorkspaceTaskPageGrain")]
public interface IWorkspaceTaskPageGrain : IGrainWithStringKey
{
    /// <summary>Stores the page, replacing what it held: a seal repeated after a crash writes the same sids again.</summary>
    [Alias("Store")]
    Task Store(IReadOnlyList<string> taskSids);

    /// <summary>The page's task sids, oldest first; empty before it is stored.</summary>
    [Alias("Get")]
    Task<IReadOnlyList<string>> Get();
}
