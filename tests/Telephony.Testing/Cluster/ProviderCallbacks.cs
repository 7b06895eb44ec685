using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Telephony.Providers.Twilio;

namespace Telephony.Testing.Cluster;

/// <summary>Signed provider callbacks of an incoming call, as Twilio and Bandwidth send them, for any node to receive.</summary>
public static class ProviderCallbacks
{
    private const string TwilioTimestamp = "Sat, 05 Dec 2026 05:00:00 +0000";

    /// <summary>Twilio asking for the instructions of an incoming call.</summary>
    public static Func<HttpRequestMessage> TwilioIncoming(TwilioAccount account, string callSid, string from, string to) =>
        Twilio(account, "/webhooks/twilio/voice", new Dictionary<string, string>
        {
            ["CallSid"] = callSid,
            ["AccountSid"] = account.Sid,
            ["ApiVersion"] = "2010-04-01",
            ["From"] = from,
            ["To"] = to,
            ["Caller"] = from,
            ["Called"] = to,
            ["CallStatus"] = "ringing",
            ["Direction"] = "inbound",
        });

    /// <summary>Twilio telling that the caller hung up.</summary>
    public static Func<HttpRequestMessage> TwilioCompleted(TwilioAccount account, string callSid, string from, string to) =>
        Twilio(account, "/webhooks/twilio/status", new Dictionary<string, string>
        {
            ["CallSid"] = callSid,
            ["AccountSid"] = account.Sid,
            ["ApiVersion"] = "2010-04-01",
            ["From"] = from,
            ["To"] = to,
            ["CallStatus"] = "completed",
            ["Direction"] = "inbound",
            ["CallDuration"] = "12",
            ["Timestamp"] = TwilioTimestamp,
            ["CallbackSource"] = "call-progress-events",
            ["SequenceNumber"] = "1",
        });

    /// <summary>Bandwidth announcing an incoming call.</summary>
    public static Func<HttpRequestMessage> BandwidthInitiate(string callId, string from, string to) =>
        Bandwidth($$"""{"eventType":"initiate","eventTime":"2026-12-05T05:00:00.000Z","accountId":"{{ClusterAccounts.BandwidthAccountId}}","applicationId":"0f3e8a53-3c47-4d6e-9c7b-3c7a4c2e1d01","from":"{{from}}","to":"{{to}}","direction":"inbound","callId":"{{callId}}","startTime":"2026-12-05T05:00:00.000Z"}""");

    /// <summary>Bandwidth telling that the caller hung up.</summary>
    public static Func<HttpRequestMessage> BandwidthDisconnect(string callId, string from, string to) =>
        Bandwidth($$"""{"eventType":"disconnect","eventTime":"2026-12-05T05:00:12.000Z","accountId":"{{ClusterAccounts.BandwidthAccountId}}","applicationId":"0f3e8a53-3c47-4d6e-9c7b-3c7a4c2e1d01","from":"{{from}}","to":"{{to}}","direction":"inbound","callId":"{{callId}}","startTime":"2026-12-05T05:00:00.000Z","endTime":"2026-12-05T05:00:12.000Z","cause":"hangup"}""");

    private static Func<HttpRequestMessage> Twilio(TwilioAccount account, string path, Dictionary<string, string> form)
    {
        var signature = TwilioSignature.Compute(account.AuthToken, ClusterAccounts.PublicBaseUrl + path, form);
        return () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
            request.Headers.Add(TwilioSignature.HeaderName, signature);
            return request;
        };
    }

    private static Func<HttpRequestMessage> Bandwidth(string json)
    {
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClusterAccounts.BandwidthUser}:{ClusterAccounts.BandwidthPassword}"));
        return () => new HttpRequestMessage(HttpMethod.Post, "/webhooks/bandwidth/voice")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
            Headers = { Authorization = new AuthenticationHeaderValue("Basic", credentials) },
        };
    }

    /// <summary>A phone number unique to <paramref name="kind"/> and <paramref name="index"/>.</summary>
    public static string Number(int kind, int index) => "+1555" + kind.ToString(CultureInfo.InvariantCulture) + index.ToString("D6", CultureInfo.InvariantCulture);
}
