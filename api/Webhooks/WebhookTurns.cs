using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Telephony.Api.Boundary;

namespace Telephony.Api.Webhooks;

/// <summary>
/// How many callbacks of one provider account are handled at once (<see cref="LimitOptions.WebhookConcurrencyPerAccount"/>,
/// with <see cref="LimitOptions.WebhookQueuePerAccount"/> more waiting their turn): one account's flood cannot take every
/// thread from the others. A turn is taken only once the callback is authenticated, so forged callbacks take none.
/// </summary>
internal sealed class WebhookTurns(IOptions<LimitOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrencyLimiter> _byAccount = new(StringComparer.Ordinal);

    /// <summary>A turn for a callback of <paramref name="accountId"/>; not acquired when the account's queue is full too.</summary>
    public ValueTask<RateLimitLease> TakeAsync(string accountId, CancellationToken cancellationToken) =>
        _byAccount.GetOrAdd(accountId, _ => new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.Value.WebhookConcurrencyPerAccount,
            QueueLimit = options.Value.WebhookQueuePerAccount,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        })).AcquireAsync(1, cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var limiter in _byAccount.Values)
        {
            limiter.Dispose();
        }
    }
}
