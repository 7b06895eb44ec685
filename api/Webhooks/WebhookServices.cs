using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Telephony.GrainInterfaces.Calls;
using Telephony.Grains.Calls;
using Telephony.Providers;
using Telephony.Providers.Accounts;

namespace Telephony.Api.Webhooks;

/// <summary>What every webhook needs: the accounts, our public URL, the clock, the accounts' turns, and the provider grain to hand events to.</summary>
internal sealed class WebhookServices(AccountRegistry accounts, IOptions<ProviderOptions> options, TimeProvider time, CallGrainReferences grains, WebhookTurns turns)
{
    private readonly ConcurrentDictionary<string, string> _publicUrls = new(StringComparer.Ordinal);

    public AccountRegistry Accounts => accounts;

    public Uri PublicBaseUrl => options.Value.PublicBaseUrl;

    /// <summary>
    /// The URL the provider called (see <see cref="WebhookProblems.PublicUrl"/>). Callbacks without a query use one of
    /// our few fixed webhook URLs, built once instead of per request; any other path or a query is built each time.
    /// </summary>
    public string PublicUrl(HttpRequest request)
    {
        var path = request.Path.Value ?? string.Empty;
        if (request.QueryString.HasValue || path is not (WebhookPaths.TwilioVoice or WebhookPaths.TwilioStatus or WebhookPaths.TwilioConference or WebhookPaths.BandwidthVoice))
        {
            return WebhookProblems.PublicUrl(PublicBaseUrl, request);
        }

        return _publicUrls.GetOrAdd(path, static (webhookPath, baseUrl) => WebhookPaths.Combine(baseUrl, webhookPath).AbsoluteUri, PublicBaseUrl);
    }

    public TimeProvider Time => time;

    /// <summary>Each provider account's turns at being handled.</summary>
    public WebhookTurns Turns => turns;

    /// <summary>Hands a normalized callback to the provider grain and returns what the call should do next.</summary>
    public Task<IReadOnlyList<CallInstruction>> DispatchAsync(CallEvent callEvent) =>
        grains.Provider(callEvent.Provider).Dispatch(callEvent);
}
