using System.Globalization;

namespace Telephony.Testing.Cluster;

/// <summary>
/// The accounts every node of the test cluster is configured with: two that only take callbacks (one per provider),
/// and two Twilio accounts that route incoming calls to agents, one with short offers (to time out) and one with long
/// offers (to be accepted).
/// </summary>
public static class ClusterAccounts
{
    /// <summary>Our public base URL: callbacks are signed for it, whichever node receives them.</summary>
    public const string PublicBaseUrl = "http://telephony.test";

    /// <summary>Twilio account that only takes callbacks.</summary>
    public static readonly TwilioAccount TwilioCalls = new("twilio-calls", "AC00000000000000000000000000000c01", "twilio-calls-token", "twilio-calls-admin-key");

    /// <summary>Twilio account whose incoming calls are offered to agents and left to time out.</summary>
    public static readonly TwilioAccount Timeouts = new("timeouts", "AC00000000000000000000000000000c02", "timeouts-token", "timeouts-admin-key");

    /// <summary>Twilio account whose incoming calls are offered to agents and accepted.</summary>
    public static readonly TwilioAccount Accepts = new("accepts", "AC00000000000000000000000000000c03", "accepts-token", "accepts-admin-key");

    /// <summary>Bandwidth account's id.</summary>
    public const string BandwidthId = "bandwidth-calls";

    /// <summary>Bandwidth account number.</summary>
    public const string BandwidthAccountId = "9900123";

    /// <summary>Bandwidth callback user name.</summary>
    public const string BandwidthUser = "bw-cluster-callbacks";

    /// <summary>Bandwidth callback password.</summary>
    public const string BandwidthPassword = "bw-cluster-secret";

    /// <summary>Admin key of the Bandwidth account.</summary>
    public const string BandwidthAdminKey = "bandwidth-calls-admin-key";

    /// <summary>
    /// The accounts' settings; <paramref name="routing"/> gives each routing account its workspace and queue.
    /// Provider REST calls go to a closed loopback port: none of the flows here needs one to succeed.
    /// </summary>
    public static Dictionary<string, string> Settings(int closedPort, IReadOnlyDictionary<string, (string Workspace, string Queue)>? routing = null)
    {
        var apiBase = $"http://127.0.0.1:{closedPort.ToString(CultureInfo.InvariantCulture)}";
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var account in new[] { TwilioCalls, Timeouts, Accepts })
        {
            var prefix = $"Telephony:Accounts:{index++}";
            settings[$"{prefix}:Id"] = account.Id;
            settings[$"{prefix}:Provider"] = "Twilio";
            settings[$"{prefix}:Twilio:AccountSid"] = account.Sid;
            settings[$"{prefix}:Twilio:AuthToken"] = account.AuthToken;
            settings[$"{prefix}:Twilio:ApiBaseUrl"] = apiBase;
            settings[$"{prefix}:ApiKeys:0:Key"] = account.AdminKey;
            settings[$"{prefix}:ApiKeys:0:Role"] = "Admin";
            if (routing?.GetValueOrDefault(account.Id) is { Workspace: { } workspace, Queue: { } queue })
            {
                settings[$"{prefix}:DefaultWorkspace"] = workspace;
                settings[$"{prefix}:DefaultTaskQueue"] = queue;
            }
        }

        var bandwidth = $"Telephony:Accounts:{index}";
        settings[$"{bandwidth}:Id"] = BandwidthId;
        settings[$"{bandwidth}:Provider"] = "Bandwidth";
        settings[$"{bandwidth}:Bandwidth:AccountId"] = BandwidthAccountId;
        settings[$"{bandwidth}:Bandwidth:ApplicationId"] = "0f3e8a53-3c47-4d6e-9c7b-3c7a4c2e1d01";
        settings[$"{bandwidth}:Bandwidth:Username"] = "api-user";
        settings[$"{bandwidth}:Bandwidth:Password"] = "api-password";
        settings[$"{bandwidth}:Bandwidth:CallbackUsername"] = BandwidthUser;
        settings[$"{bandwidth}:Bandwidth:CallbackPassword"] = BandwidthPassword;
        settings[$"{bandwidth}:Bandwidth:ApiBaseUrl"] = apiBase;
        settings[$"{bandwidth}:ApiKeys:0:Key"] = BandwidthAdminKey;
        settings[$"{bandwidth}:ApiKeys:0:Role"] = "Admin";
        return settings;
    }
}

/// <summary>A Twilio account of the test cluster.</summary>
/// <param name="Id">Our account id.</param>
/// <param name="Sid">Twilio account SID.</param>
/// <param name="AuthToken">The token callbacks are signed with.</param>
/// <param name="AdminKey">The account's Admin API key.</param>
public sealed record TwilioAccount(string Id, string Sid, string AuthToken, string AdminKey);
