using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Telephony.Providers.Simulator;

/// <summary>
/// How one account's simulator behaves (<c>Telephony:Accounts:N:Simulator</c>): the wire format, how the far side
/// answers, and the fake provider credentials it signs or authenticates its callbacks with.
/// </summary>
public sealed record SimulatorSettings
{
    /// <summary>Default <see cref="BusyPattern"/>: numbers ending in 0000 are busy.</summary>
    public const string DefaultBusyPattern = "0000$";

    /// <summary>Default <see cref="NoAnswerPattern"/>: numbers ending in 9999 ring until the dial times out.</summary>
    public const string DefaultNoAnswerPattern = "9999$";

    /// <summary>Wire format of the callbacks (<c>:Simulator:Format</c>).</summary>
    public SimulatorFormat Format { get; init; } = SimulatorFormat.Twilio;

    /// <summary>How long a called number rings before it answers (<c>:Simulator:AnswerDelayMs</c>).</summary>
    public TimeSpan AnswerDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Regular expression over the called number: matching numbers answer busy.</summary>
    public string BusyPattern { get; init; } = DefaultBusyPattern;

    /// <summary>Regular expression over the called number: matching numbers ring until the dial's timeout.</summary>
    public string NoAnswerPattern { get; init; } = DefaultNoAnswerPattern;

    /// <summary>The Twilio identity used in <see cref="SimulatorFormat.Twilio"/>: AccountSid in callbacks, AuthToken signs them.</summary>
    public required TwilioSettings Twilio { get; init; }

    /// <summary>The Bandwidth identity used in <see cref="SimulatorFormat.Bandwidth"/>: ids in callbacks, callback credentials authenticate them.</summary>
    public required BandwidthSettings Bandwidth { get; init; }

    /// <summary>
    /// Defaults for our account <paramref name="accountId"/>: Twilio format, one second to answer, and fake credentials
    /// derived from the account id, so they are stable across restarts and distinct between accounts.
    /// </summary>
    public static SimulatorSettings ForAccount(string accountId)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        var callbackUsername = "sim" + Derive(accountId, "bandwidth-callback-user")[..16];
        return new SimulatorSettings
        {
            Twilio = new TwilioSettings
            {
                AccountSid = "AC" + Derive(accountId, "twilio-account-sid")[..32],
                AuthToken = Derive(accountId, "twilio-auth-token")[..32],
            },
            Bandwidth = new BandwidthSettings
            {
                AccountId = (10_000_000 + (uint.Parse(Derive(accountId, "bandwidth-account-id")[..8], NumberStyles.HexNumber, CultureInfo.InvariantCulture) % 90_000_000))
                    .ToString(CultureInfo.InvariantCulture),
                ApplicationId = new Guid(Convert.FromHexString(Derive(accountId, "bandwidth-application-id")[..32])).ToString(),
                Username = callbackUsername,
                Password = Derive(accountId, "bandwidth-api-password")[..32],
                CallbackUsername = callbackUsername,
                CallbackPassword = Derive(accountId, "bandwidth-callback-password")[..32],
            },
        };
    }

    private static string Derive(string accountId, string purpose) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"telephony-simulator/{purpose}/{accountId}")));
}
