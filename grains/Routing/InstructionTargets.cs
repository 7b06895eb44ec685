using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Telephony.GrainInterfaces.Calls;
using Telephony.Providers;
using Telephony.Providers.Accounts;

namespace Telephony.Grains.Routing;

/// <summary>
/// Where a reservation's instruction may send a call: the worker's address, and the instruction URL an account's
/// provider may be given. Bandwidth shares our callback credentials with every URL of a call, so on Bandwidth an
/// instruction URL must be under our public base URL.
/// </summary>
internal sealed class InstructionTargets(AccountRegistry accounts, IOptions<ProviderOptions> providerOptions)
{
    /// <summary>The instruction URL when it is an absolute http(s) URL this account's provider may be sent to; else null.</summary>
    public Uri? Url(string accountId, string? text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        return !SharesCredentials(accountId) || WebhookPaths.IsUnder(providerOptions.Value.PublicBaseUrl, url) ? url : null;
    }

    /// <summary>What <see cref="Url"/> accepts, for the error that refuses another.</summary>
    public string UrlRule(string accountId) => SharesCredentials(accountId)
        ? $"an absolute URL under {providerOptions.Value.PublicBaseUrl}: Bandwidth sends our callback credentials to it"
        : "an absolute http or https URL";

    /// <summary>The worker's <c>contact_uri</c> attribute (where to call it), when the attributes hold a non-empty one.</summary>
    public static string? ContactUri(string attributes)
    {
        try
        {
            return JsonNode.Parse(attributes)?["contact_uri"] is JsonValue value && value.TryGetValue<string>(out var uri) && uri.Length > 0 ? uri : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private bool SharesCredentials(string accountId) => accounts.Find(accountId)?.CallbackProvider == ProviderKind.Bandwidth;
}
