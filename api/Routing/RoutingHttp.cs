using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Telephony.Api.Hosting;
using Telephony.GrainInterfaces.Routing;
using Telephony.GrainInterfaces.Sessions;

namespace Telephony.Api.Routing;

/// <summary>Turns routing grain results into HTTP answers and reads request bodies, the same way for every routing endpoint.</summary>
internal static class RoutingHttp
{
    /// <summary>Reads a JSON body with a source-generated contract; a bad body becomes a 400 naming the field.</summary>
    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> contract)
        where T : class
    {
        try
        {
            var body = await request.ReadFromJsonAsync(contract, request.HttpContext.RequestAborted);
            return body is null
                ? (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["$"] = ["A JSON body is required."] }))
                : (body, null);
        }
        catch (JsonException e)
        {
            return (null, TypedResults.ValidationProblem(SessionRequestErrors.FromJsonException(e)));
        }
        catch (InvalidOperationException)
        {
            return (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["$"] = ["The body must be application/json."] }));
        }
    }

    /// <summary>
    /// Reads a JSON body that may be absent (no content, or no content type on a chunked request): an absent body
    /// gives <paramref name="absent"/>; a bad one a 400 naming the field.
    /// </summary>
    public static async Task<(T? Body, IResult? Problem)> ReadOptionalAsync<T>(HttpRequest request, JsonTypeInfo<T> contract, T absent)
        where T : class =>
        request.ContentLength > 0 || (request.ContentLength is null && request.ContentType is not null)
            ? await ReadAsync(request, contract)
            : (absent, null);

    /// <summary>The HTTP answer for a routing result: 200 (or 201), 400, 404, 409 or 412 with problem details.</summary>
    public static IResult Answer<T>(RoutingResult<T> result, JsonTypeInfo<T> contract, string? createdAt = null)
        where T : class => result.Outcome switch
    {
        RoutingOutcome.Success when createdAt is not null => new JsonCreated<T>(createdAt, result.Value!, contract),
        RoutingOutcome.Success => ApiJson.Result(result.Value!, contract),
        RoutingOutcome.Invalid => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request is invalid.", detail: result.Error),
        RoutingOutcome.IllegalTransition => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "That is not possible in the current state.", detail: result.Error),
        RoutingOutcome.StaleVersion => TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "The resource has changed; fetch its latest version.", detail: result.Error),
        RoutingOutcome.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This key may not do that.", detail: result.Error),
        _ => NotFound(),
    };

    public static IResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such resource in this account.");

    /// <summary>403 for a User key on a route of Admin keys, given once the object is known to be the caller's account's.</summary>
    public static IResult AdminOnly() => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only an Admin key may do that.");

    /// <summary>201 Created with a Location header and a body written by a source-generated contract.</summary>
    private sealed class JsonCreated<T>(string location, T value, JsonTypeInfo<T> contract) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            await ApiJson.Result(value, contract, StatusCodes.Status201Created).ExecuteAsync(httpContext);
        }
    }
}
