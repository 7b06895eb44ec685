using System.Security.Claims;
using Telephony.Api.Security;
using Telephony.GrainInterfaces.Routing;
using Telephony.Runtime;

namespace Telephony.Api.Routing;

/// <summary>Workspaces and what they hold (workers, task queues, tasks), scoped to the caller's account.</summary>
public static class WorkspaceEndpoints
{
    /// <summary>Maps <c>/workspaces</c> and its children.</summary>
    public static IEndpointRouteBuilder MapWorkspaceEndpoints(this IEndpointRouteBuilder routes)
    {
        var workspaces = routes.MapGroup("/workspaces").WithTags("Workspaces").RequireAuthorization(ApiRoles.AnyUser);
        workspaces.MapPost("/", CreateWorkspaceAsync).RequireAuthorization(ApiRoles.AdminOnly);
        workspaces.MapGet("/{workspaceSid}", GetWorkspaceAsync);

        workspaces.MapPost("/{workspaceSid}/workers", CreateWorkerAsync).RequireAuthorization(ApiRoles.AdminOnly);
        workspaces.MapGet("/{workspaceSid}/workers", ListWorkersAsync);
        workspaces.MapGet("/{workspaceSid}/workers/{workerSid}", GetWorkerAsync);
        workspaces.MapPost("/{workspaceSid}/workers/{workerSid}", UpdateWorkerAsync);

        workspaces.MapPost("/{workspaceSid}/task-queues", CreateTaskQueueAsync).RequireAuthorization(ApiRoles.AdminOnly);
        workspaces.MapGet("/{workspaceSid}/task-queues", ListTaskQueuesAsync);
        workspaces.MapGet("/{workspaceSid}/task-queues/{queueSid}", GetTaskQueueAsync);

        workspaces.MapPost("/{workspaceSid}/tasks", CreateTaskAsync).RequireAuthorization(ApiRoles.AdminOnly);
        workspaces.MapGet("/{workspaceSid}/tasks", ListTasksAsync);
        workspaces.MapGet("/{workspaceSid}/tasks/{taskSid}", GetTaskAsync);
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

    private static async Task<IResult> CreateWorkerAsync(string workspaceSid, HttpRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (await OwnedWorkspaceAsync(workspaceSid, user, grains) is null)
        {
            return RoutingHttp.NotFound();
        }

        var (body, problem) = await RoutingHttp.ReadAsync(request, RoutingJsonContext.Default.CreateWorkerRequest);
        return problem ?? await Created(grains.GetGrain<IWorkspaceGrain>(workspaceSid).CreateWorker(body!), RoutingJsonContext.Default.Worker, w => $"/workspaces/{workspaceSid}/workers/{w.Sid}");
    }

    private static async Task<IResult> ListWorkersAsync(string workspaceSid, ClaimsPrincipal user, IGrainFactory grains) =>
        await ListAsync(workspaceSid, user, grains, w => w.GetWorkerSids(), sid => grains.GetGrain<IWorkerGrain>(RoutingSids.ScopedKey(workspaceSid, sid)).Get(), RoutingJsonContext.Default.IReadOnlyListWorker);

    private static async Task<IResult> GetWorkerAsync(string workspaceSid, string workerSid, ClaimsPrincipal user, IGrainFactory grains) =>
        await OwnedWorkspaceAsync(workspaceSid, user, grains) is null
            ? RoutingHttp.NotFound()
            : RoutingHttp.Answer(await grains.GetGrain<IWorkerGrain>(RoutingSids.ScopedKey(workspaceSid, workerSid)).Get(), RoutingJsonContext.Default.Worker);

    private static async Task<IResult> UpdateWorkerAsync(string workspaceSid, string workerSid, HttpRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!user.IsInRole(ApiRoles.Admin) && user.UserId() != workerSid)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This key may change only its own worker.");
        }

        if (await OwnedWorkspaceAsync(workspaceSid, user, grains) is null)
        {
            return RoutingHttp.NotFound();
        }

        var (body, problem) = await RoutingHttp.ReadAsync(request, RoutingJsonContext.Default.UpdateWorkerRequest);
        return problem ?? RoutingHttp.Answer(await grains.GetGrain<IWorkerGrain>(RoutingSids.ScopedKey(workspaceSid, workerSid)).Update(body!), RoutingJsonContext.Default.Worker);
    }

    private static async Task<IResult> CreateTaskQueueAsync(string workspaceSid, HttpRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (await OwnedWorkspaceAsync(workspaceSid, user, grains) is null)
        {
            return RoutingHttp.NotFound();
        }

        var (body, problem) = await RoutingHttp.ReadAsync(request, RoutingJsonContext.Default.CreateTaskQueueRequest);
        return problem ?? await Created(grains.GetGrain<IWorkspaceGrain>(workspaceSid).CreateTaskQueue(body!), RoutingJsonContext.Default.TaskQueue, q => $"/workspaces/{workspaceSid}/task-queues/{q.Sid}");
    }

    private static async Task<IResult> ListTaskQueuesAsync(string workspaceSid, ClaimsPrincipal user, IGrainFactory grains) =>
        await ListAsync(workspaceSid, user, grains, w => w.GetTaskQueueSids(), sid => grains.GetGrain<ITaskQueueGrain>(RoutingSids.ScopedKey(workspaceSid, sid)).Get(), RoutingJsonContext.Default.IReadOnlyListTaskQueue);

    private static async Task<IResult> GetTaskQueueAsync(string workspaceSid, string queueSid, ClaimsPrincipal user, IGrainFactory grains) =>
        await OwnedWorkspaceAsync(workspaceSid, user, grains) is null
            ? RoutingHttp.NotFound()
            : RoutingHttp.Answer(await grains.GetGrain<ITaskQueueGrain>(RoutingSids.ScopedKey(workspaceSid, queueSid)).Get(), RoutingJsonContext.Default.TaskQueue);

    private static async Task<IResult> CreateTaskAsync(string workspaceSid, HttpRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (await OwnedWorkspaceAsync(workspaceSid, user, grains) is null)
        {
            return RoutingHttp.NotFound();
        }

        var (body, problem) = await RoutingHttp.ReadAsync(request, RoutingJsonContext.Default.CreateTaskRequest);
        return problem ?? await Created(grains.GetGrain<IWorkspaceGrain>(workspaceSid).CreateTask(body!), RoutingJsonContext.Default.RoutingTask, t => $"/workspaces/{workspaceSid}/tasks/{t.Sid}");
    }

    private static async Task<IResult> ListTasksAsync(string workspaceSid, ClaimsPrincipal user, IGrainFactory grains) =>
        await ListAsync(workspaceSid, user, grains, w => w.GetTaskSids(), sid => grains.GetGrain<ITaskGrain>(RoutingSids.ScopedKey(workspaceSid, sid)).Get(), RoutingJsonContext.Default.IReadOnlyListRoutingTask);

    private static async Task<IResult> GetTaskAsync(string workspaceSid, string taskSid, ClaimsPrincipal user, IGrainFactory grains) =>
        await OwnedWorkspaceAsync(workspaceSid, user, grains) is null
            ? RoutingHttp.NotFound()
            : RoutingHttp.Answer(await grains.GetGrain<ITaskGrain>(RoutingSids.ScopedKey(workspaceSid, taskSid)).Get(), RoutingJsonContext.Default.RoutingTask);

    /// <summary>The workspace, if it exists and belongs to the caller's account; another account's is reported as absent.</summary>
    private static async Task<Workspace?> OwnedWorkspaceAsync(string workspaceSid, ClaimsPrincipal user, IGrainFactory grains) =>
        RoutingSids.IsValid(RoutingSids.WorkspacePrefix, workspaceSid)
        && (await grains.GetGrain<IWorkspaceGrain>(workspaceSid).Get()).Value is { } workspace
        && workspace.AccountSid == user.AccountId()
            ? workspace
            : null;

    private static async Task<IResult> Created<T>(Task<RoutingResult<T>> creating, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> contract, Func<T, string> location)
        where T : class
    {
        var result = await creating;
        return RoutingHttp.Answer(result, contract, result.Value is { } value && result.IsSuccess ? location(value) : null);
    }

    private static async Task<IResult> ListAsync<T>(
        string workspaceSid,
        ClaimsPrincipal user,
        IGrainFactory grains,
        Func<IWorkspaceGrain, Task<RoutingResult<IReadOnlyList<string>>>> sids,
        Func<string, Task<RoutingResult<T>>> get,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<IReadOnlyList<T>> contract)
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
