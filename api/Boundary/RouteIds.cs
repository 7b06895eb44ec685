using Telephony.GrainInterfaces;

namespace Telephony.Api.Boundary;

/// <summary>
/// Refuses a route whose id is blank, longer than any id we give out, or holds control or XML-forbidden characters,
/// with 400 naming the parameter, before any endpoint looks it up: grain keys must not be blank, and the answer depends
/// on the id's text alone, so it tells nothing about which objects exist.
/// </summary>
internal static class RouteIds
{
    /// <summary>The longest id a route takes; ours are at most 34 characters, user ids and provider ids a few dozen.</summary>
    public const int MaxLength = 256;

    /// <summary>Adds the check to the pipeline; it must run after routing has chosen the endpoint.</summary>
    public static IApplicationBuilder UseRouteIdCheck(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        foreach (var (name, value) in http.Request.RouteValues)
        {
            if (value is string id && (string.IsNullOrWhiteSpace(id) || id.Length > MaxLength || !PrintableText.IsValid(id)))
            {
                await BoundaryProblems.WriteAsync(
                    http,
                    StatusCodes.Status400BadRequest,
                    "The request's route is invalid.",
                    name,
                    $"'{name}' must be 1 to {MaxLength} printable characters.");
                return;
            }
        }

        await next(http);
    });
}
