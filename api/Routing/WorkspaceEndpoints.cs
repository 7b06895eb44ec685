using System.Security.Claims;
using System.Text.Json.Serialization.Metadata;
using Orleans;
using Telephony.Api.Hosting;
using Telephony.Api.Security;
using Telephony.GrainInterfaces.Routing;

namespace Telephony.Api.Routing;

/// <summary>Workspaces and what they hold (workers, task queues, tasks), scoped to the caller's account; lists of tasks and workers are in <see cref="RoutingListEndpoints"/>.</summary>
public static class WorkspaceEndpoints
{
    /// <summary>Maps <c>/workspaces</c> and its children.</summary>
    public static IEndpointRouteBuilder MapWorkspaceEndpoints(this IEndpointRouteBuilder routes)
    {
        var workspaces = routes.MapGroup("/workspaces").WithTags("Workspaces").RequireAuthorization(ApiRoles.AnyUser).Problems(OpenApiDescriptions.KeyedProblems);
        workspaces.MapPost("/", CreateWorkspaceAsync).RequireAuthorization(ApiRoles.AdminOnly)
            .Describe("CreateWorkspace", "Creates a workspace (Admin keys)").Creates<CreateWorkspaceBody, Workspace>();
        workspaces.MapGet("/{workspaceSid}", GetWorkspaceAsync).Describe("GetWorkspace", "One workspace").Finds<Workspace>();

        workspaces.MapPost("/{workspaceSid}/workers", CreateWorkerAsync).Describe("CreateWorker", "Creates a worker (Admin keys)").Creates<CreateWorkerRequest, Worker>();
        workspaces.MapGet("/{workspaceSid}/workers/{workerSid}", GetWorkerAsync).Describe("GetWorker", "One worker").Finds<Worker>();
        workspaces.MapPost("/{workspaceSid}/workers/{workerSid}", UpdateWorkerAsync)
            .Describe("UpdateWorker", "Changes a worker's name, attributes or activity (its own User key or an Admin key)").Updates<UpdateWorkerRequest, Worker>();

        workspaces.MapPost("/{workspaceSid}/task-queues", CreateTaskQueueAsync).Describe("CreateTaskQueue", "Creates a task queue (Admin keys)").Creates<CreateTaskQueueRequest, TaskQueue>();
        workspaces.MapGet("/{workspaceSid}/task-queues", ListTaskQueuesAsync).Describe("ListTaskQueues", "The workspace's task queues").Finds<IReadOnlyList<TaskQueue>>();
        workspaces.MapGet("/{workspaceSid}/task-queues/{queueSid}", GetTaskQueueAsync).Describe("GetTaskQueue", "One task queue").Finds<TaskQueue>();

        workspaces.MapPost("/{workspaceSid}/tasks", CreateTaskAsync).Describe("CreateTask", "Creates a task; it is offered to an available worker of its queue").Creates<CreateTaskRequest, RoutingTask>();
        workspaces.MapGet("/{workspaceSid}/tasks/{taskSid}", GetTaskAsync).Describe("GetTask", "One task").Finds<RoutingTask>();
        return routes;
    }

    private static async Task<IResult> CreateWorkspaceAsync(HttpRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (body, problem) = await RoutingHttp.ReadAsync(request, Hosting.ApiJsonContext.Default.CreateWorkspaceBody);
        if (problem is not null)
        {
            return problem;
        }

        var sid = RoutingSids.New(RoutingSids.WorkspacePrefix);
        var created = await grains.GetGrain<IWorkspaceGrain>(sid).Create(new CreateWorkspaceRequest(user.AccountId(), body!.FriendlyName ?? string.Empty));
        return RoutingHttp.Answer(created, RoutingJsonContext.Default.Workspace, $"/workspaces/{sid}");
    }

    private static async Task<IResult> GetWorkspaceAsync(string workspaceSid, ClaimsPrincipal user, IGrainFactory grains) =>
        await OwnedWorkspaceAsync(workspaceSid, user, grains) is { } workspace
            ? RoutingHttp.Answer(RoutingResult.Success(workspace), RoutingJsonContext.Default.Workspace)
            : RoutingHttp.NotFound();

    private static Task<IResult> CreateWorkerAsync(string workspaceSid, HttpRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        CreateChildAsync(workspaceSid, request, user, grains, RoutingJsonContext.Default.CreateWorkerRequest, static (w, body) => w.CreateWorker(body), RoutingJsonContext.Default.Worker, "workers", static w => w.Sid);

    private static Task<IResult> GetWorkerAsync(string workspaceSid, string workerSid, ClaimsPrincipal user, IGrainFactory grains) =>
        GetChildAsync(workspaceSid, user, grains, () => grains.GetGrain<IWorkerGrain>(RoutingSids.ScopedKey(workspaceSid, workerSid)).Get(), RoutingJsonContext.Default.Worker);

    private static async Task<IResult> UpdateWorkerAsync(string workspaceSid, string workerSid, HttpRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        // Another account's workspace is answered as a missing one, before the role check could tell them apart.
        if (await OwnedWorkspaceAsync(workspaceSid, user, grains) is null)
        {
            return RoutingHttp.NotFound();
        }

        if (!user.IsInRole(ApiRoles.Admin) && user.UserId() != workerSid)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This key may change only its own worker.");
        }

        var (body, problem) = await RoutingHttp.ReadAsync(request, RoutingJsonContext.Default.UpdateWorkerRequest);
        return problem ?? RoutingHttp.Answer(await grains.GetGrain<IWorkerGrain>(RoutingSids.ScopedKey(workspaceSid, workerSid)).Update(body!), RoutingJsonContext.Default.Worker);
    }

    private static Task<IResult> CreateTaskQueueAsync(string workspaceSid, HttpRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        CreateChildAsync(workspaceSid, request, user, grains, RoutingJsonContext.Default.CreateTaskQueueRequest, static (w, body) => w.CreateTaskQueue(body), RoutingJsonContext.Default.TaskQueue, "task-queues", static q => q.Sid);

    private static Task<IResult> ListTaskQueuesAsync(string workspaceSid, ClaimsPrincipal user, IGrainFactory grains) =>
        ListAsync(workspaceSid, user, grains, w => w.GetTaskQueueSids(), sid => grains.GetGrain<ITaskQueueGrain>(RoutingSids.ScopedKey(workspaceSid, sid)).Get(), RoutingJsonContext.Default.IReadOnlyListTaskQueue);

    private static Task<IResult> GetTaskQueueAsync(string workspaceSid, string queueSid, ClaimsPrincipal user, IGrainFactory grains) =>
        GetChildAsync(workspaceSid, user, grains, () => grains.GetGrain<ITaskQueueGrain>(RoutingSids.ScopedKey(workspaceSid, queueSid)).Get(), RoutingJsonContext.Default.TaskQueue);

    private static Task<IResult> CreateTaskAsync(string workspaceSid, HttpRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        CreateChildAsync(workspaceSid, request, user, grains, RoutingJsonContext.Default.CreateTaskRequest, static (w, body) => w.CreateTask(body), RoutingJsonContext.Default.RoutingTask, "tasks", static t => t.Sid);

    private static Task<IResult> GetTaskAsync(string workspaceSid, string taskSid, ClaimsPrincipal user, IGrainFactory grains) =>
        GetChildAsync(workspaceSid, user, grains, () => grains.GetGrain<ITaskGrain>(RoutingSids.ScopedKey(workspaceSid, taskSid)).Get(), RoutingJsonContext.Default.RoutingTask);

    /// <summary>
    /// Creates a worker, queue or task in an owned workspace from the request body: 201 with its location. Admin keys
    /// only, checked after the workspace so that another account's workspace answers as a missing one to any key.
    /// </summary>
    private static async Task<IResult> CreateChildAsync<TRequest, T>(
        string workspaceSid,
        HttpRequest request,
        ClaimsPrincipal user,
        IGrainFactory grains,
        JsonTypeInfo<TRequest> requestContract,
        Func<IWorkspaceGrain, TRequest, Task<RoutingResult<T>>> create,
        JsonTypeInfo<T> contract,
        string collection,
        Func<T, string> sidOf)
        where TRequest : class
        where T : class
    {
        if (await OwnedWorkspaceAsync(workspaceSid, user, grains) is null)
        {
            return RoutingHttp.NotFound();
        }

        if (!user.IsInRole(ApiRoles.Admin))
        {
            return RoutingHttp.AdminOnly();
        }

        var (body, problem) = await RoutingHttp.ReadAsync(request, requestContract);
        if (problem is not null)
        {
            return problem;
        }

        var result = await create(grains.GetGrain<IWorkspaceGrain>(workspaceSid), body!);
        return RoutingHttp.Answer(result, contract, result is { IsSuccess: true, Value: { } value } ? $"/workspaces/{workspaceSid}/{collection}/{sidOf(value)}" : null);
    }

    /// <summary>Reads one worker, queue or task of an owned workspace.</summary>
    private static async Task<IResult> GetChildAsync<T>(string workspaceSid, ClaimsPrincipal user, IGrainFactory grains, Func<Task<RoutingResult<T>>> get, JsonTypeInfo<T> contract)
        where T : class =>
        await OwnedWorkspaceAsync(workspaceSid, user, grains) is null ? RoutingHttp.NotFound() : RoutingHttp.Answer(await get(), contract);

    /// <summary>The workspace, if it exists and belongs to the caller's account; another account's is reported as absent.</summary>
    internal static async Task<Workspace?> OwnedWorkspaceAsync(string workspaceSid, ClaimsPrincipal user, IGrainFactory grains) =>
        RoutingSids.IsValid(RoutingSids.WorkspacePrefix, workspaceSid)
        && (await grains.GetGrain<IWorkspaceGrain>(workspaceSid).Get()).Value is { } workspace
        && workspace.AccountSid == user.AccountId()
            ? workspace
            : null;

    private static async Task<IResult> ListAsync<T>(
        string workspaceSid,
        ClaimsPrincipal user,
        IGrainFactory grains,
        Func<IWorkspaceGrain, Task<RoutingResult<IReadOnlyList<string>>>> sids,
        Func<string, Task<RoutingResult<T>>> get,
        JsonTypeInfo<IReadOnlyList<T>> contract)
        where T : class
    {
        if (await OwnedWorkspaceAsync(workspaceSid, user, grains) is null)
        {
            return RoutingHttp.NotFound();
        }

        var items = new List<T>();
        foreach (var sid in (await sids(grains.GetGrain<IWorkspaceGrain>(workspaceSid))).Value ?? [])
        {
            if ((await get(sid)).Value is { } item)
            {
                items.Add(item);
            }
        }

        return RoutingHttp.Answer(RoutingResult.Success<IReadOnlyList<T>>(items), contract);
    }
}

/// <summary>Body of <c>POST /workspaces</c>; the account comes from the caller's key.</summary>
/// <param name="FriendlyName">The workspace's name.</param>
public sealed record CreateWorkspaceBody(string? FriendlyName);
