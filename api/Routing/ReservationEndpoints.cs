using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.Net.Http.Headers;
using Orleans;
using Telephony.Api.Hosting;
using Telephony.Api.Security;
using Telephony.GrainInterfaces.Routing;
using Telephony.Grains.Routing;

namespace Telephony.Api.Routing;

/// <summary>
/// A worker's reservations, TaskRouter style: read one (with its version as ETag), send it an
/// instruction (optionally conditional with <c>If-Match</c>), and follow the worker's events as
/// Server-Sent Events, resumable with <c>Last-Event-ID</c>.
/// </summary>
public static class ReservationEndpoints
{
    private const string WorkerRoute = "/workspaces/{workspaceSid}/workers/{workerSid}";

    private static readonly (string Name, Func<IReservationGrain, ReservationInstruction, Task<RoutingResult<Reservation>>> Run)[] Instructions =
    [
        ("accept", static (r, i) => r.Accept(i)),
        ("reject", static (r, i) => r.Reject(i)),
        ("conference", static (r, i) => r.Conference(i)),
        ("dequeue", static (r, i) => r.Dequeue(i)),
        ("call", static (r, i) => r.Call(i)),
        ("redirect", static (r, i) => r.Redirect(i)),
        ("participant", static (r, i) => r.UpdateParticipant(i)),
        ("wrap", static (r, i) => r.Wrap(i)),
        ("complete", static (r, i) => r.Complete(i)),
    ];

    /// <summary>Maps the reservation and worker event routes.</summary>
    public static IEndpointRouteBuilder MapReservationEndpoints(this IEndpointRouteBuilder routes)
    {
        var worker = routes.MapGroup(WorkerRoute).WithTags("Reservations").RequireAuthorization(ApiRoles.AnyUser).Problems(OpenApiDescriptions.KeyedProblems);
        worker.MapGet("/reservations/{reservationSid}", GetAsync)
            .Describe("GetReservation", "One reservation, with its version as ETag").Finds<Reservation>().Problems(StatusCodes.Status403Forbidden);
        foreach (var (name, instruction) in Instructions)
        {
            worker.MapPost($"/reservations/{{reservationSid}}/{name}", (HttpContext http, string workspaceSid, string workerSid, string reservationSid, IGrainFactory grains) =>
                InstructAsync(http, workspaceSid, workerSid, reservationSid, grains, instruction))
                .Describe($"Reservation{char.ToUpperInvariant(name[0])}{name[1..]}", $"The {name} instruction, conditional on If-Match when given")
                .Updates<ReservationInstruction, Reservation>(optional: true).Problems(StatusCodes.Status412PreconditionFailed);
        }

        worker.MapGet("/events", StreamEventsAsync)
            .Describe("StreamWorkerEvents", "The worker's reservation events as Server-Sent Events, resumable with Last-Event-ID")
            .Answers<string>(contentType: ServerSentEvents.ContentType).Problems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<IResult> GetAsync(HttpContext http, string workspaceSid, string workerSid, string reservationSid, IGrainFactory grains)
    {
        var result = await grains.GetGrain<IReservationGrain>(reservationSid).Get();
        return Refused(http.User, result.Value, workerSid) ?? Answer(http, result, workspaceSid, workerSid);
    }

    private static async Task<IResult> InstructAsync(
        HttpContext http,
        string workspaceSid,
        string workerSid,
        string reservationSid,
        IGrainFactory grains,
        Func<IReservationGrain, ReservationInstruction, Task<RoutingResult<Reservation>>> instruction)
    {
        // Ownership is checked before acting, so another account's or worker's reservation is never touched.
        var reservation = grains.GetGrain<IReservationGrain>(reservationSid);
        var current = (await reservation.Get()).Value;
        if (Refused(http.User, current, workerSid) is { } refused)
        {
            return refused;
        }

        if (!Owns(http.User, current, workspaceSid, workerSid))
        {
            return NotFound();
        }

        var ifMatch = http.Request.Headers.IfMatch.ToString();
        long? expected = null;
        if (ifMatch.Length > 0)
        {
            if (!long.TryParse(ifMatch.Trim().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["If-Match"] = ["If-Match must be a reservation version, such as \"3\"."] });
            }

            expected = version;
        }

        // Instruction parameters come as an optional JSON body; the version only ever from If-Match.
        var (parameters, problem) = await RoutingHttp.ReadOptionalAsync(http.Request, RoutingJsonContext.Default.ReservationInstruction, new ReservationInstruction());
        return problem ?? Answer(http, await instruction(reservation, parameters! with { ExpectedVersion = expected }), workspaceSid, workerSid);
    }

    private static async Task StreamEventsAsync(
        HttpContext http, string workspaceSid, string workerSid, IGrainFactory grains, WorkerEventBroadcaster broadcaster, IHostApplicationLifetime lifetime)
    {
        // Another account's worker is answered as a missing one, before the role check could tell them apart.
        var worker = grains.GetGrain<IWorkerGrain>(RoutingSids.ScopedKey(workspaceSid, workerSid));
        var found = await worker.Get();
        if (found.Value is not { } w || w.AccountSid != http.User.AccountId())
        {
            await RoutingHttp.NotFound().ExecuteAsync(http);
            return;
        }

        if (Forbidden(http.User, workerSid) is { } refused)
        {
            await refused.ExecuteAsync(http);
            return;
        }

        var lastEventId = http.Request.Headers["Last-Event-ID"].ToString();
        var after = long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;

        using var streaming = ServerSentEvents.Lifetime(http, lifetime);
        var cancellation = streaming.Token;
        try
        {
            // Subscribe first, then replay what is stored, so nothing falls between the two; ids drop the overlap.
            using var subscription = await broadcaster.SubscribeAsync(workspaceSid, workerSid, cancellation);
            await ServerSentEvents.StartAsync(http.Response, cancellation);
            var stored = await worker.GetEvents(after);
            foreach (var workerEvent in stored.Value ?? [])
            {
                after = await WriteAsync(http.Response, workerEvent, after, cancellation);
            }

            await foreach (var workerEvent in subscription.Events.ReadAllAsync(cancellation))
            {
                after = await WriteAsync(http.Response, workerEvent, after, cancellation);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The client went away or the host is stopping (even while following the worker); the client resumes with Last-Event-ID.
        }
    }

    private static async Task<long> WriteAsync(HttpResponse response, WorkerEvent workerEvent, long after, CancellationToken cancellationToken)
    {
        if (workerEvent.Id <= after)
        {
            return after;
        }

        var data = ApiJson.Serialize(workerEvent.Reservation, RoutingJsonContext.Default.Reservation);
        var type = JsonSerializer.Serialize(workerEvent.EventType, RoutingJsonContext.Default.WorkerEventType).Trim('"');
        await ServerSentEvents.WriteAsync(response, workerEvent.Id.ToString(CultureInfo.InvariantCulture), type, data, cancellationToken);
        return workerEvent.Id;
    }

    /// <summary>A worker's own key (role User) may act only on its own reservations; Admin on any in its account.</summary>
    private static IResult? Forbidden(ClaimsPrincipal user, string workerSid) =>
        user.IsInRole(ApiRoles.Admin) || user.UserId() == workerSid
            ? null
            : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This key may act only on its own worker's reservations.");

    /// <summary>
    /// 404 for a reservation that is missing or another account's, so the two answer alike; then 403 for a User key of
    /// another worker of the same account; null when the caller may go on.
    /// </summary>
    private static IResult? Refused(ClaimsPrincipal user, Reservation? reservation, string workerSid) =>
        reservation is null || reservation.AccountSid != user.AccountId() ? NotFound() : Forbidden(user, workerSid);

    private static IResult Answer(HttpContext http, RoutingResult<Reservation> result, string workspaceSid, string workerSid)
    {
        var reservation = result.Value;
        if (!Owns(http.User, reservation, workspaceSid, workerSid))
        {
            return NotFound();
        }

        http.Response.Headers[HeaderNames.ETag] = $"\"{reservation.Version.ToString(CultureInfo.InvariantCulture)}\"";
        return result.Outcome switch
        {
            RoutingOutcome.Success => TypedResults.Content(JsonSerializer.Serialize(reservation, RoutingJsonContext.Default.Reservation), "application/json"),
            RoutingOutcome.StaleVersion => TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "The reservation has changed; fetch its latest version.", detail: result.Error),
            RoutingOutcome.IllegalTransition => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The reservation cannot do that in its current status.", detail: result.Error),
            RoutingOutcome.Invalid => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The instruction is invalid.", detail: result.Error),
            _ => NotFound(),
        };
    }

    private static bool Owns(ClaimsPrincipal user, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] Reservation? reservation, string workspaceSid, string workerSid) =>
        reservation is not null && reservation.AccountSid == user.AccountId() && reservation.WorkspaceSid == workspaceSid && reservation.WorkerSid == workerSid;

    private static IResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such reservation for this worker.");
}
