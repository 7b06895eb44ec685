using Orleans;

namespace Telephony.SiloHost;

/// <summary>
/// Keeps a starting client front door trying the gateways once a second until the host's start is canceled, so API
/// nodes may start before the silos or while one restarts.
/// </summary>
internal sealed class GatewayRetry : IClientConnectionRetryFilter
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        await Task.Delay(Pause, cancellationToken);
        return true;
    }
}
