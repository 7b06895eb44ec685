using System.Buffers;
using System.Text.Json;
using Orleans;
using Telephony.Api.Hosting;
using Telephony.Api.Security;
using Telephony.Catalog;
using Telephony.GrainInterfaces.Routing;

namespace Telephony.Api.Routing;

/// <summary>
/// A workspace's tasks, workers and a worker's reservations, TaskRouter-style, a page at a time from the routing catalog
/// (no grain of the listed kind is loaded): newest first, <c>pageSize</c> and <c>pageToken</c> page, and the answer is
/// <c>{"tasks"|"workers"|"reservations": [...], "meta": {"pageSize", "nextPageToken", "nextPageUrl"}}</c>, each item as
/// its own GET shows it.
/// </summary>
public static class RoutingListEndpoints
{
    private static readonly string[] TaskStatuses = [.. Enum.GetValues<RoutingTaskStatus>().Select(RoutingStatusNames.Of)];
    private static readonly string[] ReservationStatuses = [.. Enum.GetValues<ReservationStatus>().Select(RoutingStatusNames.Of)];

    /// <summary>Maps the task, worker and reservation lists.</summary>
    public static IEndpointRouteBuilder MapRoutingListEndpoints(this IEndpointRouteBuilder routes)
    {
        var workspace = routes.MapGroup("/workspaces/{workspaceSid}").RequireAuthorization(ApiRoles.AnyUser).Problems(OpenApiDescriptions.KeyedProblems);
        workspace.MapGet("/tasks", ListTasksAsync).WithTags("Workspaces").Describe("ListTasks", "The workspace's tasks, newest first, a page at a time").Finds<TaskList>();
        workspace.MapGet("/workers", ListWorkersAsync).WithTags("Workspaces").Describe("ListWorkers", "The workspace's workers, a page at a time").Finds<WorkerList>();
        workspace.MapGet("/workers/{workerSid}/reservations", ListReservationsAsync).WithTags("Reservations")
            .Describe("ListReservations", "A worker's reservations, newest first, a page at a time").Finds<ReservationList>().Problems(StatusCodes.Status403Forbidden);
        return routes;
    }

    /// <summary>Tasks, filtered by <c>AssignmentStatus</c> and <c>TaskQueueSid</c>.</summary>
    private static async Task<IResult> ListTasksAsync(string workspaceSid, HttpContext http, IGrainFactory grains, IRoutingCatalog catalog)
    {
        if (await WorkspaceEndpoints.OwnedWorkspaceAsync(workspaceSid, http.User, grains) is null)
        {
            return RoutingHttp.NotFound();
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var filter = new RoutingFilter
        {
            Status = OneOf(http.Request.Query, "AssignmentStatus", TaskStatuses, errors),
            GroupSid = http.Request.Query["TaskQueueSid"].FirstOrDefault(),
        };
        return await PageAsync(http, catalog, RoutingKind.Task, workspaceSid, filter, "tasks", errors);
    }

    /// <summary>Workers, filtered by <c>ActivityName</c>.</summary>
    private static async Task<IResult> ListWorkersAsync(string workspaceSid, HttpContext http, IGrainFactory grains, IRoutingCatalog catalog) =>
        await WorkspaceEndpoints.OwnedWorkspaceAsync(workspaceSid, http.User, grains) is null
            ? RoutingHttp.NotFound()
            : await PageAsync(http, catalog, RoutingKind.Worker, workspaceSid, new RoutingFilter { Status = http.Request.Query["ActivityName"].FirstOrDefault() }, "workers", []);

    /// <summary>A worker's reservations, filtered by <c>ReservationStatus</c>; a User key lists only its own worker's.</summary>
    private static async Task<IResult> ListReservationsAsync(string workspaceSid, string workerSid, HttpContext http, IGrainFactory grains, IRoutingCatalog catalog)
    {
        if (await WorkspaceEndpoints.OwnedWorkspaceAsync(workspaceSid, http.User, grains) is null)
        {
            return RoutingHttp.NotFound();
        }

        if (!http.User.IsInRole(ApiRoles.Admin) && http.User.UserId() != workerSid)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This key may list only its own worker's reservations.");
        }

        if (!RoutingSids.IsValid(RoutingSids.WorkerPrefix, workerSid)
            || (await grains.GetGrain<IWorkerGrain>(RoutingSids.ScopedKey(workspaceSid, workerSid)).Get()).Value is null)
        {
            return RoutingHttp.NotFound();
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var filter = new RoutingFilter { Status = OneOf(http.Request.Query, "ReservationStatus", ReservationStatuses, errors), GroupSid = workerSid };
        return await PageAsync(http, catalog, RoutingKind.Reservation, workspaceSid, filter, "reservations", errors);
    }

    /// <summary>The query parameter <paramref name="name"/> when it is one of <paramref name="allowed"/>; otherwise an error for it.</summary>
    private static string? OneOf(IQueryCollection query, string name, string[] allowed, Dictionary<string, string[]> errors)
    {
        var value = query[name].FirstOrDefault();
        if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
        {
            errors[name] = [$"'{name}' must be one of {string.Join(", ", allowed)}."];
        }

        return value;
    }

    /// <summary>Reads the page the request asks for and writes it with the stored documents as they are.</summary>
    private static async Task<IResult> PageAsync(
        HttpContext http,
        IRoutingCatalog catalog,
        RoutingKind kind,
        string workspaceSid,
        RoutingFilter filter,
        string collection,
        Dictionary<string, string[]> errors)
    {
        var (page, pageErrors) = PageParameters.Read(http.Request.Query);
        foreach (var (name, messages) in pageErrors)
        {
            errors[name] = messages;
        }

        if (page is null || errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var found = await catalog.FindAsync(kind, workspaceSid, filter, page, http.RequestAborted);
        var token = PageParameters.Token(found.Next);
        var body = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            json.WriteStartArray(collection);
            foreach (var entry in found.Items)
            {
                json.WriteRawValue(entry.Document, skipInputValidation: true);
            }

            json.WriteEndArray();
            json.WriteStartObject("meta");
            json.WriteNumber("pageSize", page.Size);
            json.WriteString("nextPageToken", token);
            json.WriteString("nextPageUrl", PageParameters.NextUrl(http.Request, token));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return TypedResults.Bytes(body.WrittenMemory.ToArray(), "application/json");
    }
}
