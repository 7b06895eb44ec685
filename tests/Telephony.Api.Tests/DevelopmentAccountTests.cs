using Microsoft.Extensions.Configuration;
using Telephony.Api.Hosting;

namespace Telephony.Api.Tests;

/// <summary>The development account routes incoming calls and lends its agent key to a worker only when told which.</summary>
public sealed class DevelopmentAccountTests
{
    private const string Workspace = "WS0123456789abcdef0123456789abcdef";
    private const string Queue = "WQ0123456789abcdef0123456789abcdef";
    private const string Worker = "WK0123456789abcdef0123456789abcdef";

    [Fact]
    public void Development_routing_settings_become_the_accounts_default_queue_and_the_agent_keys_worker()
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telephony:Development:Workspace"] = Workspace,
            ["Telephony:Development:TaskQueue"] = Queue,
            ["Telephony:Development:Worker"] = Worker,
        });

        Assert.True(DevelopmentAccount.AddIfNoAccounts(configuration));

        var account = configuration.GetSection("Telephony:Accounts:0");
        Assert.Equal((Workspace, Queue), (account["DefaultWorkspace"], account["DefaultTaskQueue"]));
        Assert.Equal((DevelopmentAccount.AgentKey, Worker), (account["ApiKeys:1:Key"], account["ApiKeys:1:UserId"]));
    }

    [Fact]
    public void Without_them_the_account_routes_nothing_and_the_agent_key_acts_as_its_user()
    {
        var configuration = new ConfigurationManager();

        Assert.True(DevelopmentAccount.AddIfNoAccounts(configuration));

        var account = configuration.GetSection("Telephony:Accounts:0");
        Assert.Equal((null, null), (account["DefaultWorkspace"], account["DefaultTaskQueue"]));
        Assert.Equal("agent@example.com", account["ApiKeys:1:UserId"]);
    }
}
