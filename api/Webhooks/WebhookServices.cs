using Microsoft.Extensions.Options;
using Telephony.GrainInterfaces.Calls;
using Telephony.Providers;
using Telephony.Providers.Accounts;
using Telephony.Runtime;

namespace Telephony.Api.Webhooks;

/// <summary>What every webhook needs: the accounts, our public URL, the clock, and the provider grain to hand events to.</summary>
internal sealed class WebhookServices(AccountRegistry accounts, IOptions<ProviderOptions> options, TimeProvider time, IGrainFactory grains)
{
    public AccountRegistry Accounts => accounts;

    public Uri PublicBaseUrl => options.Value.PublicBaseUrl;

    public TimeProvider Time => time;

    /// <summary>Hands a normalized callback to the provider grain and returns what the call should do next.</summary>
    public Task<IReadOnlyList<CallInstruction>> DispatchAsync(CallEvent callEvent) =>
        grains.GetGrain<IProviderGrain>(CallKeys.Provider(callEvent.Provider)).Dispatch(callEvent);
}
