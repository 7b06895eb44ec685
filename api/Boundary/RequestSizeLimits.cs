using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Telephony.Api.Boundary;

/// <summary>
/// Applies the route family's size limits (<see cref="LimitOptions"/>) before anything reads the request: headers over
/// the limit are 431 and a declared body over it 413, both naming what is too large; a body that turns out larger
/// while it is read is cut off by the server (Kestrel's per-request body limit, set here), which answers 413 too.
/// </summary>
internal static class RequestSizeLimits
{
    /// <summary>Adds the check to the pipeline.</summary>
    public static IApplicationBuilder UseRequestSizeLimits(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var limit = http.RequestServices.GetRequiredService<IOptions<LimitOptions>>().Value.For(http.Request.Path);
        var headerBytes = http.Request.Headers.Sum(h => h.Key.Length + h.Value.Sum(v => v?.Length ?? 0));
        if (headerBytes > limit.MaxHeaderBytes)
        {
            await BoundaryProblems.WriteAsync(http, StatusCodes.Status431RequestHeaderFieldsTooLarge, "The request's headers are too large.", "headers", $"The headers must total at most {limit.MaxHeaderBytes} bytes.");
            return;
        }

        if (http.Request.ContentLength > limit.MaxBodyBytes)
        {
            await BoundaryProblems.WriteAsync(http, StatusCodes.Status413PayloadTooLarge, "The request's body is too large.", "body", $"The body must be at most {limit.MaxBodyBytes} bytes.");
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit.MaxBodyBytes;
        }

        await next(http);
    });
}
