using System.Security.Claims;
using System.Text.Json.Serialization.Metadata;
using Orleans;
using Telephony.Api.Hosting;
using Telephony.Api.Routing;
using Telephony.Api.Security;
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
    private static SessionJsonContext Json => SessionJsonContext.Default;

    /// <summary>Maps every <c>/sessions</c> route.</summary>
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder routes)
    {
        var sessions = routes.MapGroup("/sessions").WithTags("Sessions").RequireAuthorization(ApiRoles.AnyUser);
        sessions.MapGet("/", ListAsync);
        sessions.MapGet("/active", (HttpContext http, IGrainFactory grains) => LiveAsync(http, grains, userId: null));
        sessions.MapGet("/my", (HttpContext http, IGrainFactory grains) => LiveAsync(http, grains, http.User.UserId() ?? string.Empty));
        sessions.MapGet("/{sessionId}", async (HttpContext http, string sessionId, IGrainFactory grains) =>
            Answer(await grains.GetGrain<ISessionGrain>(sessionId).Get(http.User.AccountId())));
        sessions.MapPost("/", (HttpContext http, IGrainFactory grains) =>
            StartAsync(http, grains, Json.NewSession, static body => body));
        sessions.MapPost("/outgoing", (HttpContext http, IGrainFactory grains) =>
            StartAsync(http, grains, Json.NewOutgoingSession, static body => new NewSession { Channel = FlowChannels.Voice, Destination = body.NumberToDial, CallerId = body.CallerId }));
        sessions.MapPatch("/{sessionId}", (HttpContext http, string sessionId, IGrainFactory grains) =>
            ActAsync(http, grains, sessionId, Json.PatchSession, static (b, id) => b with { SessionId = id }, static (s, c, b) => s.Patch(c, b)));
        sessions.MapDelete("/{sessionId}", EndAsync);
        sessions.MapPost("/{sessionId}/hold", (HttpContext http, string sessionId, IGrainFactory grains) =>
            ActAsync(http, grains, sessionId, Json.HoldSession, static (b, id) => b with { SessionId = id }, static (s, c, b) => s.Hold(c, b)));
        sessions.MapPost("/{sessionId}/unhold", (HttpContext http, string sessionId, IGrainFactory grains) =>
            ActAsync(http, grains, sessionId, Json.UnholdSession, static (b, id) => b with { SessionId = id }, static (s, c, b) => s.Unhold(c, b), bodyOptional: true));
        sessions.MapPost("/{sessionId}/redirect", (HttpContext http, string sessionId, IGrainFactory grains) =>
            ActAsync(http, grains, sessionId, Json.RedirectSession, static (b, id) => b with { SessionId = id }, static (s, c, b) => s.Redirect(c, b)));
        sessions.MapPost("/{sessionId}/conference/members", (HttpContext http, string sessionId, IGrainFactory grains) =>
            ActAsync(http, grains, sessionId, Json.AddConferenceMember, static (b, id) => b with { SessionId = id }, static (s, c, b) => s.AddConferenceMember(c, b)));
        sessions.MapDelete("/{sessionId}/conference/members/{callSid}", (HttpContext http, string sessionId, string callSid, IGrainFactory grains) =>
            RunAsync(http, grains, sessionId, new RemoveConferenceMember { SessionId = sessionId, CallSid = callSid }, static (s, c, b) => s.RemoveConferenceMember(c, b)));
        sessions.MapPost("/{sessionId}/members", (HttpContext http, string sessionId, IGrainFactory grains) =>
            ActAsync(http, grains, sessionId, Json.InviteChatMember, static (b, id) => b with { SessionId = id }, static (s, c, b) => s.InviteChatMember(c, b)));
        sessions.MapDelete("/{sessionId}/members/{memberId}", (HttpContext http, string sessionId, string memberId, IGrainFactory grains) =>
            RunAsync(http, grains, sessionId, new DeleteChatMember { SessionId = sessionId, MemberToRemove = memberId }, static (s, c, b) => s.RemoveChatMember(c, b)));
        return routes;
    }

    private static async Task<IResult> ListAsync(HttpContext http, IGrainFactory grains)
    {
        var (query, errors) = ListSessionsQuery.Read(http.Request.Query);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var accountId = http.User.AccountId();
        var page = await grains.GetGrain<ISessionIndexGrain>(accountId).Find(query);
        var count = query.CountPerPage ?? Grains.Sessions.SessionIndexGrain.DefaultCountPerPage;
        var simplified = query.SimplifiedPaging == true;
        var response = new ListSessionsResponse
        {
            Items = await ReadAllAsync(grains, accountId, page.SessionIds),
            TotalCount = simplified ? 0 : page.TotalCount,
            TotalPages = simplified ? 0 : (page.TotalCount + count - 1) / count,
            HasMorePages = page.HasMorePages,
        };
        return ApiJson.Result(response, Json.ListSessionsResponse);
    }

    private static async Task<IResult> LiveAsync(HttpContext http, IGrainFactory grains, string? userId)
    {
        var accountId = http.User.AccountId();
        var ids = await grains.GetGrain<ISessionIndexGrain>(accountId).Live(userId);
        return ApiJson.Result(new SessionList { Sessions = await ReadAllAsync(grains, accountId, ids) }, Json.SessionList);
    }

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

    private static async Task<IReadOnlyList<SessionInfo>> ReadAllAsync(IGrainFactory grains, string accountId, IReadOnlyList<string> ids)
    {
        var found = await Task.WhenAll(ids.Select(id => grains.GetGrain<ISessionGrain>(id).Get(accountId)));
        return [.. found.Where(r => r.IsSuccess).Select(r => r.Value!)];
    }

    private static SessionCaller Caller(ClaimsPrincipal user) => new(user.AccountId(), user.UserId(), user.IsInRole(ApiRoles.Admin));

    private static IResult Answer(RoutingResult<SessionInfo> result) => RoutingHttp.Answer(result, Json.SessionInfo);
}
