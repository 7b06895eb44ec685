using System.Collections.Frozen;
using Microsoft.Extensions.Configuration;
using Telephony.GrainInterfaces.Calls;
using Telephony.GrainInterfaces.Sessions;
using Telephony.Providers.Simulator;

namespace Telephony.Providers.Accounts;

/// <summary>
/// The configured accounts, found by our id, by Twilio account SID (Twilio callbacks) or by
/// Bandwidth callback user name (Bandwidth callbacks, whose conference events carry no account id).
/// </summary>
public sealed class AccountRegistry
{
    private readonly FrozenDictionary<string, AccountSettings> _byId;
    private readonly FrozenDictionary<string, AccountSettings> _byTwilioSid;
    private readonly FrozenDictionary<string, AccountSettings> _byBandwidthUser;

    /// <summary>Indexes <paramref name="accounts"/>; ids, SIDs and callback user names must be unique.</summary>
    public AccountRegistry(IEnumerable<AccountSettings> accounts)
    {
        var list = accounts.ToList();
        _byId = Index(list, a => a.Id, "account id");
        _byTwilioSid = Index(list.Where(a => a.Twilio is not null), a => a.Twilio!.AccountSid, "Twilio AccountSid");
        _byBandwidthUser = Index(list.Where(a => a.Bandwidth is not null), a => a.Bandwidth!.CallbackUsername, "Bandwidth CallbackUsername");
    }

    /// <summary>Every account.</summary>
    public IEnumerable<AccountSettings> All => _byId.Values;

    /// <summary>Reads <c>Telephony:Accounts</c>; a misconfigured account stops start-up with the key at fault.</summary>
    public static AccountRegistry FromConfiguration(IConfiguration configuration) =>
        new(configuration.GetSection("Telephony:Accounts").GetChildren().Select(Read));

    /// <summary>The account with our id, if any.</summary>
    public AccountSettings? Find(string accountId) => _byId.GetValueOrDefault(accountId);

    /// <summary>The account a Twilio callback belongs to, if any.</summary>
    public AccountSettings? FindByTwilioAccountSid(string accountSid) => _byTwilioSid.GetValueOrDefault(accountSid);

    /// <summary>The account a Bandwidth callback belongs to, if any.</summary>
    public AccountSettings? FindByBandwidthCallbackUser(string username) => _byBandwidthUser.GetValueOrDefault(username);

    private static FrozenDictionary<string, AccountSettings> Index(IEnumerable<AccountSettings> accounts, Func<AccountSettings, string> key, string what)
    {
        var index = new Dictionary<string, AccountSettings>(StringComparer.Ordinal);
        foreach (var account in accounts)
        {
            if (!index.TryAdd(key(account), account))
            {
                throw new InvalidOperationException($"Two accounts share the {what} '{key(account)}'.");
            }
        }

        return index.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static AccountSettings Read(IConfigurationSection section)
    {
        var account = ReadProvider(section) with
        {
            DefaultCallerId = Optional(section, "CallerId") is { } callerId
                ? E164.IsValid(callerId) ? callerId : throw new InvalidOperationException($"{section.Path}:CallerId '{callerId}' is not an E.164 number.")
                : null,
            DefaultWorkspace = Optional(section, "DefaultWorkspace"),
            DefaultTaskQueue = Optional(section, "DefaultTaskQueue"),
        };
        return (account.DefaultWorkspace is null) == (account.DefaultTaskQueue is null)
            ? account
            : throw new InvalidOperationException($"{section.Path}: DefaultWorkspace and DefaultTaskQueue go together; set both or neither.");
    }

    private static AccountSettings ReadProvider(IConfigurationSection section)
    {
        var id = Required(section, "Id");
        var providerText = section["Provider"] ?? nameof(ProviderKind.Simulator);
        if (!Enum.TryParse<ProviderKind>(providerText, ignoreCase: true, out var provider) || !Enum.IsDefined(provider))
        {
            throw new InvalidOperationException($"{section.Path}:Provider '{providerText}' is not one of Simulator, Twilio, Bandwidth.");
        }

        if (provider == ProviderKind.Simulator)
        {
            var simulator = ReadSimulator(section.GetSection("Simulator"), id);
            return new AccountSettings
            {
                Id = id,
                Provider = provider,
                Simulator = simulator,
                Twilio = simulator.Format == SimulatorFormat.Twilio ? simulator.Twilio : null,
                Bandwidth = simulator.Format == SimulatorFormat.Bandwidth ? simulator.Bandwidth : null,
            };
        }

        return new AccountSettings
        {
            Id = id,
            Provider = provider,
            Twilio = provider == ProviderKind.Twilio ? ReadTwilio(section.GetSection("Twilio")) : null,
            Bandwidth = provider == ProviderKind.Bandwidth ? ReadBandwidth(section.GetSection("Bandwidth")) : null,
        };
    }

    private static string? Optional(IConfigurationSection section, string key) => section[key] is { Length: > 0 } value ? value : null;

    private static SimulatorSettings ReadSimulator(IConfigurationSection section, string accountId)
    {
        var settings = SimulatorSettings.ForAccount(accountId);
        if (section["Format"] is { } formatText)
        {
            settings = Enum.TryParse<SimulatorFormat>(formatText, ignoreCase: true, out var format) && Enum.IsDefined(format)
                ? settings with { Format = format }
                : throw new InvalidOperationException($"{section.Path}:Format '{formatText}' is not one of Twilio, Bandwidth.");
        }

        if (section["AnswerDelayMs"] is { } delayText)
        {
            settings = int.TryParse(delayText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var delay)
                ? settings with { AnswerDelay = TimeSpan.FromMilliseconds(delay) }
                : throw new InvalidOperationException($"{section.Path}:AnswerDelayMs '{delayText}' is not a number of milliseconds.");
        }

        return settings;
    }

    private static TwilioSettings ReadTwilio(IConfigurationSection section)
    {
        var settings = new TwilioSettings { AccountSid = Required(section, "AccountSid"), AuthToken = Required(section, "AuthToken") };
        return section["ApiBaseUrl"] is { } url ? settings with { ApiBaseUrl = AbsoluteUrl(section, "ApiBaseUrl", url) } : settings;
    }

    private static BandwidthSettings ReadBandwidth(IConfigurationSection section)
    {
        var settings = new BandwidthSettings
        {
            AccountId = Required(section, "AccountId"),
            ApplicationId = Required(section, "ApplicationId"),
            Username = Required(section, "Username"),
            Password = Required(section, "Password"),
            CallbackUsername = Required(section, "CallbackUsername"),
            CallbackPassword = Required(section, "CallbackPassword"),
        };
        return section["ApiBaseUrl"] is { } url ? settings with { ApiBaseUrl = AbsoluteUrl(section, "ApiBaseUrl", url) } : settings;
    }

    private static string Required(IConfigurationSection section, string key) =>
        section[key] is { Length: > 0 } value ? value : throw new InvalidOperationException($"{section.Path}:{key} is required.");

    private static Uri AbsoluteUrl(IConfigurationSection section, string key, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) ? url : throw new InvalidOperationException($"{section.Path}:{key} '{value}' is not an absolute URL.");
}
