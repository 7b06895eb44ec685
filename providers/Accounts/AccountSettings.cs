using Telephony.GrainInterfaces.Calls;

namespace Telephony.Providers.Accounts;

/// <summary>One account's provider configuration (<c>Telephony:Accounts:N</c>).</summary>
public sealed record AccountSettings
{
    /// <summary>Our account id.</summary>
    public required string Id { get; init; }

    /// <summary>The provider the account's calls run on.</summary>
    public required ProviderKind Provider { get; init; }

    /// <summary>Twilio credentials, when <see cref="Provider"/> is Twilio.</summary>
    public TwilioSettings? Twilio { get; init; }

    /// <summary>Bandwidth credentials, when <see cref="Provider"/> is Bandwidth.</summary>
    public BandwidthSettings? Bandwidth { get; init; }
}
