using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Net.Http.Headers;

namespace Telephony.Api.Boundary;

/// <summary>Wires <see cref="LimitOptions"/>: ASP.NET Core rate limiting per API key and the per-account webhook turns.</summary>
internal static class RateLimits
{
    /// <summary>Binds the limits and registers the per-key limiter as ASP.NET Core's global limiter, refused with 429 and Retry-After.</summary>
    public static IServiceCollection AddTelephonyLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LimitOptions>().Bind(configuration.GetSection(LimitOptions.Section));
        services.TryAddKeyedSingleton(ApiKeyRateLimiter.ClockKey, TimeProvider.System);
        services.AddSingleton<ApiKeyRateLimiter>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<ApiKeyRateLimiter>((options, limiter) =>
        {
            options.GlobalLimiter = limiter;
            options.OnRejected = (context, _) => RejectAsync(context.HttpContext, context.Lease);
        });
        return services;
    }

    /// <summary>429 with Retry-After (whole seconds, at least one) and problem details naming the key.</summary>
    private static async ValueTask RejectAsync(HttpContext http, RateLimitLease lease)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        http.Response.Headers[HeaderNames.RetryAfter] = retryAfter.ToString(CultureInfo.InvariantCulture);
        await BoundaryProblems.WriteAsync(
            http,
            StatusCodes.Status429TooManyRequests,
            "Too many requests with this API key.",
            HeaderNames.Authorization,
            $"This key has used its burst of requests; retry after {retryAfter} s.");
    }
}
