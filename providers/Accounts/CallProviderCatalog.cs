using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Telephony.GrainInterfaces.Calls;
using Telephony.Providers.Bandwidth;
using Telephony.Providers.Simulator;
using Telephony.Providers.Twilio;

namespace Telephony.Providers.Accounts;

/// <summary>Creates, once per account, the adapter its commands run through.</summary>
public sealed class CallProviderCatalog(AccountRegistry accounts, IHttpClientFactory httpClients, IOptions<ProviderOptions> options, SimulatorNetworkRegistry simulators)
{
    /// <summary>Name of the HttpClient used for provider REST calls.</summary>
    public const string HttpClientName = "telephony-providers";

    private readonly ConcurrentDictionary<string, ICallProvider> _providers = new(StringComparer.Ordinal);

    /// <summary>The adapter of <paramref name="accountId"/>; throws for an unknown account.</summary>
    public ICallProvider For(string accountId) =>
        _providers.GetOrAdd(accountId, id => Create(accounts.Find(id) ?? throw new KeyNotFoundException($"No account '{id}' is configured.")));

    private ICallProvider Create(AccountSettings account)
    {
        var publicBaseUrl = options.Value.PublicBaseUrl;
        return account.Provider switch
        {
            ProviderKind.Twilio => new TwilioCallProvider(httpClients.CreateClient(HttpClientName), account.Twilio!, publicBaseUrl),
            ProviderKind.Bandwidth => new BandwidthCallProvider(httpClients.CreateClient(HttpClientName), account.Bandwidth!, publicBaseUrl),
            _ => simulators.CreateProvider(account.Id, account.Simulator!),
        };
    }
}
