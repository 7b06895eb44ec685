using System.Threading.RateLimiting;

namespace Telephony.Api.Boundary;

/// <summary>
/// A token bucket that refills from a <see cref="TimeProvider"/>: up to <c>limit</c> tokens, <c>perSecond</c> back each
/// second. The framework's <see cref="TokenBucketRateLimiter"/> refills from the machine's stopwatch only, which no
/// test can drive; this one answers to the clock it is given, and never queues (a refusal says when to retry).
/// </summary>
internal sealed class ClockedTokenBucket(int limit, int perSecond, TimeProvider clock) : RateLimiter
{
    private readonly Lock _gate = new();
    private double _tokens = limit;
    private long _refilledAt = clock.GetTimestamp();

    /// <inheritdoc />
    public override TimeSpan? IdleDuration => null;

    /// <inheritdoc />
    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Refill();
            return new RateLimiterStatistics { CurrentAvailablePermits = (long)_tokens };
        }
    }

    /// <inheritdoc />
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_gate)
        {
            Refill();
            if (_tokens >= permitCount)
            {
                _tokens -= permitCount;
                return BucketLease.Acquired;
            }

            return new BucketLease(false, TimeSpan.FromSeconds((permitCount - _tokens) / perSecond));
        }
    }

    /// <inheritdoc />
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private void Refill()
    {
        var now = clock.GetTimestamp();
        _tokens = Math.Min(limit, _tokens + (clock.GetElapsedTime(_refilledAt, now).TotalSeconds * perSecond));
        _refilledAt = now;
    }

    /// <summary>A granted lease, or a refusal carrying the wait until enough tokens are back.</summary>
    private sealed class BucketLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly BucketLease Acquired = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
