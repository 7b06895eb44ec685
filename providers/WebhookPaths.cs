namespace Telephony.Providers;

/// <summary>Our webhook routes, relative to the public base URL that providers call back.</summary>
public static class WebhookPaths
{
    /// <summary>Twilio voice webhook: incoming calls and answered outbound calls ask here what to do (TwiML).</summary>
    public const string TwilioVoice = "/webhooks/twilio/voice";

    /// <summary>Twilio call status callbacks.</summary>
    public const string TwilioStatus = "/webhooks/twilio/status";

    /// <summary>Twilio conference status callbacks.</summary>
    public const string TwilioConference = "/webhooks/twilio/conference";

    /// <summary>Every Bandwidth voice callback (answers BXML or 204).</summary>
    public const string BandwidthVoice = "/webhooks/bandwidth/voice";

    /// <summary>Whether <paramref name="url"/> is one of ours: under <paramref name="publicBaseUrl"/>.</summary>
    public static bool IsUnder(Uri publicBaseUrl, Uri url) =>
        url.IsAbsoluteUri && url.AbsoluteUri.StartsWith(publicBaseUrl.AbsoluteUri.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase);

    /// <summary>Joins the public base URL and a webhook path (and optional query) into an absolute URL.</summary>
    public static Uri Combine(Uri publicBaseUrl, string path, string? query = null)
    {
        var builder = new UriBuilder(publicBaseUrl);
        builder.Path = builder.Path.TrimEnd('/') + path;
        builder.Query = query ?? string.Empty;
        return builder.Uri;
    }
}
