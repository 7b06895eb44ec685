using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Orleans;
using Telephony.Api.Hosting;
using Telephony.Api.Routing;
using Telephony.Api.Security;
using Telephony.Catalog;
using Telephony.GrainInterfaces.Routing;
using Telephony.GrainInterfaces.Sessions;

namespace Telephony.Api.Sessions;

/// <summary>
/// The Evo Voice session API: routes and field names as there. Each endpoint reads and validates the request
/// (the route's session id wins over the body's), calls the session grain as the key's account and user, and
/// answers with the session as it is afterwards or with problem details.
/// </summary>
public static class SessionEndpoints
{
    /// <summary>Sessions per page of <c>GET /sessions</c> when a query names no count.</summary>
    public const int DefaultCountPerPage = 25;

    private static SessionJsonContext Json => SessionJsonContext.Default;

    /// <summary>Maps every <c>/sessions</c> route.</summary>
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder routes)
    {
        var sessions = routes.MapGroup("/sessions").WithTags("Sessions").RequireAuthorization(ApiRoles.AnyUser).Problems(OpenApiDescriptions.KeyedProblems);
        sessions.MapGet("/", ListAsync)
            .Describe("ListSessions", "The account's sessions, newest first, a page at a time").Answers<ListSessionsResponse>().Problems(400);
        sessions.MapGet("/active", (HttpContext http, ISessionCatalog catalog) => LiveAsync(http, catalog, userId: null))
            .Describe("ListActiveSessions", "The account's live sessions").Answers<SessionList>().Problems(400);
        sessions.MapGet("/my", (HttpContext http, ISessionCatalog catalog) => LiveAsync(http, catalog, http.User.UserId() ?? string.Empty))
            .Describe("ListMySessions", "The key user's live sessions").Answers<SessionList>().Problems(400);
        sessions.MapGet("/events", SessionEventEndpoints.StreamAsync)
            .Describe("StreamSessionEvents", "The account's session changes as Server-Sent Events, resumable with Last-Event-ID")
            .Answers<string>(contentType: ServerSentEvents.ContentType).Problems(400);
        sessions.MapGet("/{sessionId}", async (HttpContext http, string sessionId, IGrainFactory grains) =>
            Answer(await grains.GetGrain<ISessionGrain>(sessionId).Get(http.User.AccountId())))
            .Describe("GetSession", "One session").Answers<SessionInfo>().Problems(400, 404);
        sessions.MapPost("/", (HttpContext http, IGrainFactory grains) =>
            StartAsync(http, grains, Json.NewSession, static body => body))
            .Describe("NewSession", "Dials a number or user, or starts a chat").Changes<NewSession>(StatusCodes.Status201Created);
        sessions.MapPost("/outgoing", (HttpContext http, IGrainFactory grains) =>
            StartAsync(http, grains, Json.NewOutgoingSession, static body => new NewSession { Channel = FlowChannels.Voice, Destination = body.NumberToDial, CallerId = body.CallerId }))
            .Describe("NewOutgoingSession", "Starts an outgoing call").Changes<NewOutgoingSession>(StatusCodes.Status201Created);
        sessions.MapPatch("/{sessionId}", (HttpContext http, string sessionId, IGrainFactory grains) =>
            ActAsync(http, grains, sessionId, Json.PatchSession, static (b, id) => b with { SessionId = id }, static (s, c, b) => s.Patch(c, b)))
            .Describe("PatchSession", "Changes console data, queue state or hold reason, or holds or unholds the call").Changes<PatchSession>().Problems(403, 404);
        sessions.MapDelete("/{sessionId}", EndAsync)
            .Describe("EndSession", "Ends the session, hanging up every leg").Changes<EndSession>(optional: true).Problems(403, 404);
        sessions.MapPost("/{sessionId}/hold", (HttpContext http, string sessionId, IGrainFactory grains) =>
            ActAsync(http, grains, sessionId, Json.HoldSession, static (b, id) => b with { SessionId = id }, static (s, c, b) => s.Hold(c, b)))
            .Describe("HoldSession", "Holds one participant").Changes<HoldSession>().Problems(403, 404);
        sessions.MapPost("/{sessionId}/unhold", (HttpContext http, string sessionId, IGrainFactory grains) =>
            ActAsync(http, grains, sessionId, Json.UnholdSession, static (b, id) => b with { SessionId = id }, static (s, c, b) => s.Unhold(c, b), bodyOptional: true))
            .Describe("UnholdSession", "Takes a held participant off hold").Changes<UnholdSession>(optional: true).Problems(403, 404);
        sessions.MapPost("/{sessionId}/redirect", (HttpContext http, string sessionId, IGrainFactory grains) =>
            ActAsync(http, grains, sessionId, Json.RedirectSession, static (b, id) => b with { SessionId = id }, static (s, c, b) => s.Redirect(c, b)))
            .Describe("RedirectSession", "Blind-transfers the call").Changes<RedirectSession>().Problems(403, 404);
        sessions.MapPost("/{sessionId}/conference/members", (HttpContext http, string sessionId, IGrainFactory grains) =>
            ActAsync(http, grains, sessionId, Json.AddConferenceMember, static (b, id) => b with { SessionId = id }, static (s, c, b) => s.AddConferenceMember(c, b)))
            .Describe("AddConferenceMember", "Dials a member into the call, making it a conference first if needed").Changes<AddConferenceMember>().Problems(403, 404);
        sessions.MapDelete("/{sessionId}/conference/members/{callSid}", (HttpContext http, string sessionId, string callSid, IGrainFactory grains) =>
            RunAsync(http, grains, sessionId, new RemoveConferenceMember { SessionId = sessionId, CallSid = callSid }, static (s, c, b) => s.RemoveConferenceMember(c, b)))
            .Describe("RemoveConferenceMember", "Takes a member out of the call").Acts().Problems(403, 404);
        sessions.MapPost("/{sessionId}/members", (HttpContext http, string sessionId, IGrainFactory grains) =>
            ActAsync(http, grains, sessionId, Json.InviteChatMember, static (b, id) => b with { SessionId = id }, static (s, c, b) => s.InviteChatMember(c, b)))
            .Describe("InviteChatMember", "Invites a member to the chat").Changes<InviteChatMember>().Problems(403, 404);
        sessions.MapDelete("/{sessionId}/members/{memberId}", (HttpContext http, string sessionId, string memberId, IGrainFactory grains) =>
            RunAsync(http, grains, sessionId, new DeleteChatMember { SessionId = sessionId, MemberToRemove = memberId }, static (s, c, b) => s.RemoveChatMember(c, b)))
            .Describe("DeleteChatMember", "Removes a member from the chat").Acts().Problems(403, 404);
        return routes;
    }

    /// <summary>
    /// Evo Voice's session list, answered from the catalog. Numbered pages (<c>page</c>) skip the sessions before them and
    /// count the totals unless told not to; a <c>pageToken</c> continues after the previous page and counts nothing, so
    /// its cost is the page's alone.
    /// </summary>
    private static async Task<IResult> ListAsync(HttpContext http, ISessionCatalog catalog)
    {
        var (query, after, errors) = ListSessionsQuery.Read(http.Request.Query);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var accountId = http.User.AccountId();
        var filter = Filter(query);
        var count = query.CountPerPage ?? DefaultCountPerPage;
        var page = after is not null
            ? new PageRequest(count, after)
            : new PageRequest(count, Skip: (int)Math.Min((long)(query.Page ?? 0) * count, int.MaxValue));
        var found = await catalog.FindAsync(accountId, filter, page, http.RequestAborted);
        var total = query.SimplifiedPaging == true || page.After is not null ? 0 : await catalog.CountAsync(accountId, filter, http.RequestAborted);
        var response = new ListSessionsResponse
        {
            Items = Documents(found),
            TotalCount = total,
            TotalPages = (total + count - 1) / count,
            HasMorePages = found.Next is not null,
            NextPageToken = PageParameters.Token(found.Next),
        };
        return ApiJson.Result(response, Json.ListSessionsResponse);
    }

    /// <summary>The account's live sessions (or a user's among them) from the catalog, a page at a time.</summary>
    private static async Task<IResult> LiveAsync(HttpContext http, ISessionCatalog catalog, string? userId)
    {
        var (page, errors) = PageParameters.Read(http.Request.Query);
        if (page is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var found = await catalog.FindLiveAsync(http.User.AccountId(), userId, page, http.RequestAborted);
        var token = PageParameters.Token(found.Next);
        var list = new SessionList { Sessions = Documents(found), NextPageToken = token, NextPageUrl = PageParameters.NextUrl(http.Request, token) };
        return ApiJson.Result(list, Json.SessionList);
    }

    /// <summary>The catalog filter of a session list query; its days are whole UTC days.</summary>
    private static SessionFilter Filter(ListSessions query) => new()
    {
        Ended = query.Ended,
        Channel = query.Channel?.ToString(),
        FromContains = query.From,
        ToContains = query.To,
        CreatedFrom = query.GetStartDate() is { } start ? new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        CreatedBefore = query.GetEndDate() is { } end && end < DateOnly.MaxValue ? new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
    };

    /// <summary>The sessions of a catalog page as the API shows them: the documents their grains stored.</summary>
    private static IReadOnlyList<SessionInfo> Documents(CatalogPage<SessionEntry> page) =>
        [.. page.Items.Select(entry => JsonSerializer.Deserialize(entry.Document, Json.SessionInfo)!)];

    private static async Task<IResult> StartAsync<TBody>(HttpContext http, IGrainFactory grains, JsonTypeInfo<TBody> contract, Func<TBody, NewSession> toNewSession)
        where TBody : class, ISessionRequest
    {
        var (body, problem) = await RoutingHttp.ReadAsync(http.Request, contract);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.Validate() is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var sessionId = Guid.NewGuid().ToString("N");
        var result = await grains.GetGrain<ISessionGrain>(sessionId).Start(Caller(http.User), toNewSession(body));
        return RoutingHttp.Answer(result, Json.SessionInfo, createdAt: $"/sessions/{sessionId}");
    }

    private static async Task<IResult> EndAsync(HttpContext http, string sessionId, IGrainFactory grains)
    {
        // DELETE rarely carries a body; callSid may come in the query string or in a JSON body.
        var (body, problem) = await RoutingHttp.ReadOptionalAsync(http.Request, Json.EndSession, new EndSession());
        if (problem is not null)
        {
            return problem;
        }

        var request = new EndSession { SessionId = sessionId, CallSid = http.Request.Query["callSid"].FirstOrDefault() ?? body!.CallSid };
        return await RunAsync(http, grains, sessionId, request, static (s, c, b) => s.End(c, b));
    }

    private static async Task<IResult> ActAsync<TBody>(
        HttpContext http,
        IGrainFactory grains,
        string sessionId,
        JsonTypeInfo<TBody> contract,
        Func<TBody, string, TBody> withSessionId,
        Func<ISessionGrain, SessionCaller, TBody, Task<RoutingResult<SessionInfo>>> act,
        bool bodyOptional = false)
        where TBody : class, ISessionRequest, new()
    {
        var (body, problem) = bodyOptional
            ? await RoutingHttp.ReadOptionalAsync(http.Request, contract, new TBody())
            : await RoutingHttp.ReadAsync(http.Request, contract);
        if (problem is not null)
        {
            return problem;
        }

        return await RunAsync(http, grains, sessionId, withSessionId(body!, sessionId), act);
    }

    private static async Task<IResult> RunAsync<TBody>(
        HttpContext http,
        IGrainFactory grains,
        string sessionId,
        TBody request,
        Func<ISessionGrain, SessionCaller, TBody, Task<RoutingResult<SessionInfo>>> act)
        where TBody : ISessionRequest
    {
        if (request.Validate() is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var session = grains.GetGrain<ISessionGrain>(sessionId);
        return Answer(await act(session, Caller(http.User), request));
    }

    private static SessionCaller Caller(ClaimsPrincipal user) => new(user.AccountId(), user.UserId(), user.IsInRole(ApiRoles.Admin));

    private static IResult Answer(RoutingResult<SessionInfo> result) => RoutingHttp.Answer(result, Json.SessionInfo);

    /// <summary>A session action's answer: the session afterwards, or 400, 409 or 502 (the provider could not be reached).</summary>
    private static RouteHandlerBuilder Acts(this RouteHandlerBuilder builder, int statusCode = StatusCodes.Status200OK) =>
        builder.Answers<SessionInfo>(statusCode).Problems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status502BadGateway);

    /// <summary>A session action that reads a <typeparamref name="TBody"/>: <see cref="Acts"/> and a body's problems.</summary>
    private static RouteHandlerBuilder Changes<TBody>(this RouteHandlerBuilder builder, int statusCode = StatusCodes.Status200OK, bool optional = false) =>
        builder.Reads<TBody>(optional: optional).Acts(statusCode).Problems(OpenApiDescriptions.BodyProblems);
}
