using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Telephony.Api.Security;

namespace Telephony.Api.Boundary;

/// <summary>
/// ASP.NET Core's global rate limiter for the API: one token bucket per API key (<see cref="LimitOptions.ApiKeyBurst"/>
/// tokens, <see cref="LimitOptions.ApiKeyRequestsPerSecond"/> back each second) on <see cref="ClockKey"/>'s clock.
/// Requests without a known key are not counted here; authentication refuses them first.
/// </summary>
internal sealed class ApiKeyRateLimiter(IOptions<LimitOptions> options, [FromKeyedServices(ApiKeyRateLimiter.ClockKey)] TimeProvider clock)
    : PartitionedRateLimiter<HttpContext>
{
    /// <summary>The keyed service name of the clock the buckets refill by.</summary>
    public const string ClockKey = "rate-limits";

    private readonly ConcurrentDictionary<string, ClockedTokenBucket> _buckets = new(StringComparer.Ordinal);
    private readonly RateLimiter _unlimited = RateLimitPartition.GetNoLimiter(string.Empty).Factory(string.Empty);

    /// <inheritdoc />
    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => Limiter(resource).GetStatistics();

    /// <inheritdoc />
    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) => Limiter(resource).AttemptAcquire(permitCount);

    /// <inheritdoc />
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        Limiter(resource).AcquireAsync(permitCount, cancellationToken);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _unlimited.Dispose();
        }

        base.Dispose(disposing);
    }

    private RateLimiter Limiter(HttpContext http) =>
        http.User.FindFirst(ApiRoles.KeyClaim)?.Value is { } key
            ? _buckets.GetOrAdd(key, _ => new ClockedTokenBucket(options.Value.ApiKeyBurst, options.Value.ApiKeyRequestsPerSecond, clock))
            : _unlimited;
}
