using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Telephony.Providers.Simulator;

/// <summary>
/// One <see cref="SimulatedNetwork"/> per account, shared by everything that talks to the simulator (the provider
/// grain's commands, the <c>/simulator</c> endpoints), so they all see the same calls. Register it as a singleton.
/// </summary>
/// <param name="publicBaseUrl">Our public base URL (<c>Telephony:PublicBaseUrl</c>): callbacks are addressed and signed for it.</param>
/// <param name="deliveryBaseUrl">Our own listening address, read at each delivery (for example from Kestrel's server addresses once it has started).</param>
/// <param name="httpClient">Sends the callbacks.</param>
/// <param name="timeProvider">The clock for ringing, answering and speaking.</param>
/// <param name="loggerFactory">Creates the networks' loggers.</param>
public sealed class SimulatorNetworkRegistry(
    Uri publicBaseUrl,
    Func<Uri> deliveryBaseUrl,
    HttpClient httpClient,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<SimulatedNetwork>> _networks = new(StringComparer.Ordinal);

    /// <summary>The network of our account <paramref name="accountId"/>, created with <paramref name="settings"/> on first use (later settings are ignored).</summary>
    public SimulatedNetwork GetOrCreate(string accountId, SimulatorSettings settings)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        ArgumentNullException.ThrowIfNull(settings);
        return _networks.GetOrAdd(
            accountId,
            id => new Lazy<SimulatedNetwork>(() => new SimulatedNetwork(
                id, settings, publicBaseUrl, deliveryBaseUrl, httpClient, timeProvider, loggerFactory.CreateLogger<SimulatedNetwork>())))
            .Value;
    }

    /// <summary>The network of our account <paramref name="accountId"/>, or null when none was created.</summary>
    public SimulatedNetwork? Find(string accountId) =>
        _networks.TryGetValue(accountId, out var network) && network.IsValueCreated ? network.Value : null;

    /// <summary>A call provider over the account's network.</summary>
    public SimulatorCallProvider CreateProvider(string accountId, SimulatorSettings settings) => new(GetOrCreate(accountId, settings));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var network in _networks.Values.Where(n => n.IsValueCreated))
        {
            await network.Value.DisposeAsync().ConfigureAwait(false);
        }
    }
}
