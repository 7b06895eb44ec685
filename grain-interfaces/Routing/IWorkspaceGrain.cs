using Telephony.Runtime;

namespace Telephony.GrainInterfaces.Routing;

/// <summary>
/// A workspace (key: workspace sid): owns the account id and the lists of its workers, queues and
/// tasks, mints their sids, and routes pending tasks to workers.
/// </summary>
public interface IWorkspaceGrain : IGrainWithStringKey
{
    /// <summary>Creates the workspace; refused as an illegal transition if it exists.</summary>
    Task<RoutingResult<Workspace>> Create(CreateWorkspaceRequest request);

    /// <summary>The workspace.</summary>
    Task<RoutingResult<Workspace>> Get();

    /// <summary>Creates a worker; if it starts available, pending tasks are routed to it.</summary>
    Task<RoutingResult<Worker>> CreateWorker(CreateWorkerRequest request);

    /// <summary>Creates a task queue.</summary>
    Task<RoutingResult<TaskQueue>> CreateTaskQueue(CreateTaskQueueRequest request);

    /// <summary>Creates a task and routes it before returning, so it comes back reserved when a worker was free.</summary>
    Task<RoutingResult<RoutingTask>> CreateTask(CreateTaskRequest request);

    /// <summary>Sids of the workspace's workers, oldest first.</summary>
    Task<RoutingResult<IReadOnlyList<string>>> GetWorkerSids();

    /// <summary>Sids of the workspace's task queues, oldest first.</summary>
    Task<RoutingResult<IReadOnlyList<string>>> GetTaskQueueSids();

    /// <summary>Sids of the workspace's tasks, oldest first.</summary>
    Task<RoutingResult<IReadOnlyList<string>>> GetTaskSids();

    /// <summary>Pending tasks waiting for a worker, in the order they will be offered.</summary>
    Task<RoutingResult<IReadOnlyList<WaitingTask>>> GetWaitingTasks();

    /// <summary>Router input from a task grain: the task is pending again (or its priority changed); queue it and route.</summary>
    Task RouteTask(WaitingTask task);

    /// <summary>Router input from queue grains: a queue's settings changed, which may let waiting tasks be offered.</summary>
    Task RouteWaitingTasks();

    /// <summary>
    /// Router input from a worker grain, sent one-way by the very turn that stored the change: the worker's
    /// routing state as of that change. Reports older than the state the router holds are ignored.
    /// </summary>
    Task WorkerChanged(WorkerRoutingState worker);
}
