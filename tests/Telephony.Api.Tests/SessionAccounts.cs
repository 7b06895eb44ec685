namespace Telephony.Api.Tests;

/// <summary>Two Simulator accounts with keys, for the session API tests.</summary>
public static class SessionAccounts
{
    /// <summary>The account the tests act in.</summary>
    public const string AccountId = "acme";

    /// <summary>Its caller id.</summary>
    public const string CallerId = "+15550100000";

    /// <summary>An Admin key of <see cref="AccountId"/>.</summary>
    public const string AdminKey = "acme-admin-key";

    /// <summary>A User key of <see cref="AccountId"/>, acting as <see cref="AgentUserId"/>.</summary>
    public const string AgentKey = "acme-agent-key";

    /// <summary>The agent's user id.</summary>
    public const string AgentUserId = "agent@acme.example";

    /// <summary>A User key of <see cref="AccountId"/>, acting as another agent.</summary>
    public const string OtherAgentKey = "acme-other-agent-key";

    /// <summary>An Admin key of another account.</summary>
    public const string ForeignKey = "globex-admin-key";

    /// <summary>The other account's caller id.</summary>
    public const string ForeignCallerId = "+15550200000";

    /// <summary>Configuration for both accounts on the Simulator in <paramref name="format"/>.</summary>
    public static Dictionary<string, string?> Settings(string format = "Twilio", int answerDelayMs = 50) => new()
    {
        ["Telephony:PublicBaseUrl"] = "https://telephony.example.com",
        ["Telephony:Accounts:0:Id"] = AccountId,
        ["Telephony:Accounts:0:Provider"] = "Simulator",
        ["Telephony:Accounts:0:CallerId"] = CallerId,
        ["Telephony:Accounts:0:Simulator:Format"] = format,
        ["Telephony:Accounts:0:Simulator:AnswerDelayMs"] = answerDelayMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Telephony:Accounts:0:ApiKeys:0:Key"] = AdminKey,
        ["Telephony:Accounts:0:ApiKeys:0:Role"] = "Admin",
        ["Telephony:Accounts:0:ApiKeys:0:UserId"] = "admin@acme.example",
        ["Telephony:Accounts:0:ApiKeys:1:Key"] = AgentKey,
        ["Telephony:Accounts:0:ApiKeys:1:Role"] = "User",
        ["Telephony:Accounts:0:ApiKeys:1:UserId"] = AgentUserId,
        ["Telephony:Accounts:0:ApiKeys:2:Key"] = OtherAgentKey,
        ["Telephony:Accounts:0:ApiKeys:2:Role"] = "User",
        ["Telephony:Accounts:0:ApiKeys:2:UserId"] = "other@acme.example",
        ["Telephony:Accounts:1:Id"] = "globex",
        ["Telephony:Accounts:1:Provider"] = "Simulator",
        ["Telephony:Accounts:1:CallerId"] = ForeignCallerId,
        ["Telephony:Accounts:1:Simulator:Format"] = format,
        ["Telephony:Accounts:1:ApiKeys:0:Key"] = ForeignKey,
        ["Telephony:Accounts:1:ApiKeys:0:Role"] = "Admin",
    };
}
