namespace Telephony.Providers;

/// <summary>Twilio credentials of one account (<c>Telephony:Accounts:N:Twilio</c>).</summary>
public sealed record TwilioSettings
{
    /// <summary>The Twilio account SID (AC…); callbacks are matched to accounts by it.</summary>
    public required string AccountSid { get; init; }

    /// <summary>The auth token: Basic-auth password for the REST API and the key of <c>X-Twilio-Signature</c>.</summary>
    public required string AuthToken { get; init; }

    /// <summary>REST API base URL (tests point it at a loopback server).</summary>
    public Uri ApiBaseUrl { get; init; } = new("https://api.twilio.com");
}

/// <summary>Bandwidth credentials of one account (<c>Telephony:Accounts:N:Bandwidth</c>).</summary>
public sealed record BandwidthSettings
{
    /// <summary>The Bandwidth account id (numeric text).</summary>
    public required string AccountId { get; init; }

    /// <summary>The voice application id (UUID).</summary>
    public required string ApplicationId { get; init; }

    /// <summary>API user name (HTTP Basic).</summary>
    public required string Username { get; init; }

    /// <summary>API password (HTTP Basic).</summary>
    public required string Password { get; init; }

    /// <summary>User name Bandwidth sends on callbacks; callbacks are matched to accounts by it.</summary>
    public required string CallbackUsername { get; init; }

    /// <summary>Password Bandwidth sends on callbacks.</summary>
    public required string CallbackPassword { get; init; }

    /// <summary>Voice API base URL, up to and including <c>/api/v2</c>.</summary>
    public Uri ApiBaseUrl { get; init; } = new("https://voice.bandwidth.com/api/v2");

    /// <summary>Messaging API base URL, up to and including <c>/api/v2</c>.</summary>
    public Uri MessagingBaseUrl { get; init; } = new("https://messaging.bandwidth.com/api/v2");
}
