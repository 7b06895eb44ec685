using Microsoft.Extensions.Configuration;
using Telephony.Api.Hosting;

namespace Telephony.Api.Tests;

/// <summary>The development account routes incoming calls to its well-known queue and worker, or to those its settings name.</summary>
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

        var routing = DevelopmentAccount.AddIfNoAccounts(configuration);

        var account = configuration.GetSection("Telephony:Accounts:0");
        Assert.Equal(new DevelopmentRouting(Workspace, Queue, Worker, Provisioned: false), routing);
        Assert.Equal((Workspace, Queue), (account["DefaultWorkspace"], account["DefaultTaskQueue"]));
        Assert.Equal((DevelopmentAccount.AgentKey, Worker), (account["ApiKeys:1:Key"], account["ApiKeys:1:UserId"]));
    }

    [Fact]
    public void Without_them_the_account_routes_to_the_well_known_queue_and_the_agent_key_acts_as_the_well_known_worker()
    {
        var configuration = new ConfigurationManager();

        var routing = DevelopmentAccount.AddIfNoAccounts(configuration);

        var account = configuration.GetSection("Telephony:Accounts:0");
        Assert.Equal(new DevelopmentRouting("WS00000000000000000000000000000001", "WQ00000000000000000000000000000001", "WK00000000000000000000000000000001", Provisioned: true), routing);
        Assert.Equal((routing!.Workspace, routing.TaskQueue), (account["DefaultWorkspace"], account["DefaultTaskQueue"]));
        Assert.Equal(routing.Worker, account["ApiKeys:1:UserId"]);
    }

    [Fact]
    public void A_configured_account_replaces_it()
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Telephony:Accounts:0:Id"] = "acme" });

        Assert.Null(DevelopmentAccount.AddIfNoAccounts(configuration));
        Assert.Null(configuration["Telephony:Accounts:0:DefaultWorkspace"]);
    }
}
