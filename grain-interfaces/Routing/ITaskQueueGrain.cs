using Orleans;

namespace Telephony.GrainInterfaces.Routing;

/// <summary>A task queue's settings (key: <c>{workspaceSid}/{queueSid}</c>).</summary>
[Alias("telephony.ITaskQueueGrain")]
public interface ITaskQueueGrain : IGrainWithStringKey
{
    /// <summary>Creates the queue; called by the workspace, which mints the sid.</summary>
    [Alias("Create")]
    Task<RoutingResult<TaskQueue>> Create(string accountSid, CreateTaskQueueRequest request);

    /// <summary>The queue.</summary>
    [Alias("Get")]
    Task<RoutingResult<TaskQueue>> Get();

    /// <summary>Changes the queue's settings; waiting tasks are routed again under the new ones.</summary>
    [Alias("Update")]
    Task<RoutingResult<TaskQueue>> Update(UpdateTaskQueueRequest request);
}
