using Orleans;
using Orleans.Concurrency;

namespace Telephony.GrainInterfaces.Routing;

/// <summary>
/// A workspace (key: workspace sid): owns the account id and the lists of its workers and queues,
/// mints their sids and its tasks', and routes pending tasks to workers.
/// </summary>
[Alias("telephony.IWorkspaceGrain")]
public interface IWorkspaceGrain : IGrainWithStringKey
{
    /// <summary>Creates the workspace; refused as an illegal transition if it exists.</summary>
    [Alias("Create")]
    Task<RoutingResult<Workspace>> Create(CreateWorkspaceRequest request);

    /// <summary>The workspace.</summary>
    [Alias("Get")]
    Task<RoutingResult<Workspace>> Get();

    /// <summary>Creates a worker; if it starts available, pending tasks are routed to it.</summary>
    [Alias("CreateWorker")]
    Task<RoutingResult<Worker>> CreateWorker(CreateWorkerRequest request);

    /// <summary>
    /// Creates a worker under a sid the caller chose (routing provisioned at start-up, with sids known beforehand);
    /// refused as an illegal transition, with the worker, if it exists.
    /// </summary>
    [Alias("CreateWorkerWithSid")]
    Task<RoutingResult<Worker>> CreateWorkerWithSid(string workerSid, CreateWorkerRequest request);

    /// <summary>Creates a task queue.</summary>
    [Alias("CreateTaskQueue")]
    Task<RoutingResult<TaskQueue>> CreateTaskQueue(CreateTaskQueueRequest request);

    /// <summary>Creates a task queue under a sid the caller chose; refused as an illegal transition, with the queue, if it exists.</summary>
    [Alias("CreateTaskQueueWithSid")]
    Task<RoutingResult<TaskQueue>> CreateTaskQueueWithSid(string queueSid, CreateTaskQueueRequest request);

    /// <summary>Creates a task and routes it before returning, so it comes back reserved when a worker was free.</summary>
    [Alias("CreateTask")]
    Task<RoutingResult<RoutingTask>> CreateTask(CreateTaskRequest request);

    /// <summary>Sids of the workspace's task queues, oldest first.</summary>
    [Alias("GetTaskQueueSids")]
    Task<RoutingResult<IReadOnlyList<string>>> GetTaskQueueSids();

    /// <summary>Pending tasks waiting for a worker, in the order they will be offered.</summary>
    [Alias("GetWaitingTasks")]
    Task<RoutingResult<IReadOnlyList<WaitingTask>>> GetWaitingTasks();

    /// <summary>Router input from a task grain: the task is pending again (or its priority changed); queue it and route.</summary>
    [Alias("RouteTask")]
    [OneWay]
    Task RouteTask(WaitingTask task);

    /// <summary>Router input from queue grains: a queue's settings changed, which may let waiting tasks be offered.</summary>
    [Alias("RouteWaitingTasks")]
    [OneWay]
    Task RouteWaitingTasks();

    /// <summary>
    /// Router input from a worker grain, sent one-way by the very turn that stored the change: the worker's
    /// routing state as of that change. Reports older than the state the router holds are ignored.
    /// </summary>
    [Alias("WorkerChanged")]
    [OneWay]
    Task WorkerChanged(WorkerRoutingState worker);
}
