namespace Telephony.Api.Webhooks;

/// <summary>The refusals every webhook shares, as problem details; none of them reaches a grain.</summary>
internal static class WebhookProblems
{
    public static IResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The callback is not authenticated.", detail: detail);

    public static IResult UnknownAccount(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No account matches the callback.", detail: detail);

    /// <summary>429 with Retry-After when the account's callbacks have no turn left; the provider retries.</summary>
    public static IResult Busy(HttpResponse response)
    {
        response.Headers.RetryAfter = "1";
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many callbacks of this account at once; retry.");
    }

    public static IResult Malformed(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The callback is malformed.");

    /// <summary>The URL the provider called: our public base URL with the request's path and query (not what Kestrel saw behind a proxy).</summary>
    public static string PublicUrl(Uri publicBaseUrl, HttpRequest request) =>
        Telephony.Providers.WebhookPaths.Combine(publicBaseUrl, request.Path.Value ?? string.Empty, request.QueryString.Value?.TrimStart('?')).AbsoluteUri;
}
