using Telephony.Testing.Cluster;

namespace Telephony.Cluster.Tests;

/// <summary>A node started with a bad setting stops at once with one line naming it, as an operator sees it.</summary>
public sealed class SettingErrorTests
{
    [Theory]
    [InlineData("silo", "Telephony.Silo.dll", "Telephony:Cluster:Provider", "Consul", "Telephony:Cluster:Provider: 'Consul' is not a cluster provider; use Localhost or AzureStorage.")]
    [InlineData("api", "Telephony.Api.dll", "Telephony:Api:Mode", "Gateway", "Telephony:Api:Mode: 'Gateway' is not a mode; use Silo (co-hosted, the default) or Client (a front door to the cluster's silos).")]
    [InlineData("api", "Telephony.Api.dll", "Telephony:Storage:Provider", "AzureTable", "Telephony:Storage:ConnectionString: an Azure Table service is needed: set Telephony:Storage:ConnectionString (for Azurite, UseDevelopmentStorage=true or its connection string) or Telephony:Storage:ServiceUri (signed in with DefaultAzureCredential).")]
    public async Task A_bad_setting_stops_the_process_with_one_line_naming_it(string project, string assembly, string key, string value, string line)
    {
        var logs = Directory.CreateTempSubdirectory("telephony-setting-").FullName;
        await using var node = NodeProcess.Start(project, LocalCluster.Build(project, assembly), new Dictionary<string, string> { [key] = value }, logs);

        var exitCode = await node.ExitCodeAsync(TimeSpan.FromMinutes(1));

        Assert.Equal((1, line), (exitCode, node.Output().Trim()));
    }
}
