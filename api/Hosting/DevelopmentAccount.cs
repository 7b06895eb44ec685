namespace Telephony.Api.Hosting;

/// <summary>
/// When no account is configured, one development account on the Simulator with two documented
/// keys, so <c>dotnet run --project api</c> works with no credentials. Configuring any account replaces it.
/// <c>Telephony:Development:Workspace</c>, <c>:TaskQueue</c> and <c>:Worker</c> (sids made with the Admin key) route
/// its incoming calls to that queue and let the agent key act as that worker, as <c>scripts/console-demo.sh</c> sets up.
/// </summary>
public static class DevelopmentAccount
{
    /// <summary>The account id.</summary>
    public const string Id = "development";

    /// <summary>An Admin key of the development account.</summary>
    public const string AdminKey = "dev-admin-key";

    /// <summary>A User key of the development account, acting as agent@example.com (or as the configured development worker).</summary>
    public const string AgentKey = "dev-agent-key";

    /// <summary>The development account's caller id.</summary>
    public const string CallerId = "+15550100000";

    /// <summary>Adds the development account to <paramref name="configuration"/> if it names no account.</summary>
    public static bool AddIfNoAccounts(IConfigurationManager configuration)
    {
        if (configuration.GetSection("Telephony:Accounts").GetChildren().Any())
        {
            return false;
        }

        var routing = configuration.GetSection("Telephony:Development");
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telephony:Accounts:0:Id"] = Id,
            ["Telephony:Accounts:0:Provider"] = "Simulator",
            ["Telephony:Accounts:0:CallerId"] = CallerId,
            ["Telephony:Accounts:0:ApiKeys:0:Key"] = AdminKey,
            ["Telephony:Accounts:0:ApiKeys:0:Role"] = "Admin",
            ["Telephony:Accounts:0:ApiKeys:0:UserId"] = "admin@example.com",
            ["Telephony:Accounts:0:ApiKeys:1:Key"] = AgentKey,
            ["Telephony:Accounts:0:ApiKeys:1:Role"] = "User",
            ["Telephony:Accounts:0:ApiKeys:1:UserId"] = routing["Worker"] ?? "agent@example.com",
            ["Telephony:Accounts:0:DefaultWorkspace"] = routing["Workspace"],
            ["Telephony:Accounts:0:DefaultTaskQueue"] = routing["TaskQueue"],
        });
        return true;
    }
}
