namespace Telephony.Api.Tests;

/// <summary>Accounts and the public URL the webhook tests configure.</summary>
internal static class WebhookAccounts
{
    public const string PublicBaseUrl = "https://telephony.example.com";
    public const string TwilioAccountSid = "AC00000000000000000000000000000001";
    public const string TwilioAuthToken = "twilio-test-token";
    public const string BandwidthAccountId = "9900000";
    public const string BandwidthUser = "bw-callbacks";
    public const string BandwidthPassword = "bw-secret";

    public static Dictionary<string, string?> Settings() => new()
    {
        ["Telephony:PublicBaseUrl"] = PublicBaseUrl,
        ["Telephony:Accounts:0:Id"] = "acme-twilio",
        ["Telephony:Accounts:0:Provider"] = "Twilio",
        ["Telephony:Accounts:0:Twilio:AccountSid"] = TwilioAccountSid,
        ["Telephony:Accounts:0:Twilio:AuthToken"] = TwilioAuthToken,
        ["Telephony:Accounts:1:Id"] = "acme-bandwidth",
        ["Telephony:Accounts:1:Provider"] = "Bandwidth",
        ["Telephony:Accounts:1:Bandwidth:AccountId"] = BandwidthAccountId,
        ["Telephony:Accounts:1:Bandwidth:ApplicationId"] = "7fc9698a-b04a-468b-9e8f-91238c0d0086",
        ["Telephony:Accounts:1:Bandwidth:Username"] = "api-user",
        ["Telephony:Accounts:1:Bandwidth:Password"] = "api-password",
        ["Telephony:Accounts:1:Bandwidth:CallbackUsername"] = BandwidthUser,
        ["Telephony:Accounts:1:Bandwidth:CallbackPassword"] = BandwidthPassword,
    };
}
