using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Runtime;
using Telephony.Catalog;
using Telephony.GrainInterfaces.Routing;
using Telephony.SiloHost;
using Telephony.Testing;
using static Telephony.Grains.Tests.Routing.RoutingHarness;

namespace Telephony.Grains.Tests.Silos;

/// <summary>The cluster's configuration on Azure Table storage (Azurite): state, reminders and catalogs in tables, membership in a table.</summary>
public sealed class AzureStorageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Routing_state_reminders_and_catalogs_kept_in_azure_tables_are_there_after_a_restart()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Telephony:Storage:Provider"] = "AzureTable",
            ["Telephony:Storage:ConnectionString"] = azurite.Azurite.ConnectionString,
        };
        var time = new ManualTimeProvider();
        string workspaceSid;
        string workerSid;
        string taskSid;
        Reservation offered;
        await using (var before = await StartAsync(time, settings: settings))
        {
            var queue = await before.AddQueueAsync(["support"], reservationTimeout: 30);
            workerSid = (await before.AddWorkerAsync("ann", ["support"])).Sid;
            taskSid = (await before.AddTaskAsync(queue.Sid)).Sid;
            offered = Assert.Single(await before.WaitForReservationsAsync(taskSid, 1));
            workspaceSid = before.WorkspaceSid;
        }

        await using var after = await StartAsync(time, settings: settings, existingWorkspaceSid: workspaceSid);
        var catalog = after.Cluster.SiloService<IRoutingCatalog>();
        var listed = await catalog.FindAsync(RoutingKind.Reservation, workspaceSid, new RoutingFilter { GroupSid = workerSid, Status = "pending" }, new PageRequest(10), default);
        var reserved = await catalog.FindAsync(RoutingKind.Task, workspaceSid, new RoutingFilter { Status = "reserved" }, new PageRequest(10), default);

        Assert.Equal(RoutingTaskStatus.Reserved, (await after.GetTaskAsync(taskSid)).Status);
        Assert.Equal([offered.Sid], listed.Items.Select(r => r.Sid));
        Assert.Equal([taskSid], reserved.Items.Select(t => t.Sid));

        // The offer's timeout is a reminder in the table: past it, the reservation times out on the restarted cluster.
        await after.AdvanceUntilAsync(async () => (await after.GetReservationAsync(offered.Sid)).Status == ReservationStatus.Timeout, "the offer timed out after the restart");
    }

    [Fact]
    public async Task Two_silos_clustered_on_azure_storage_form_one_cluster_and_reach_each_others_grains()
    {
        var clusterId = $"test-{Guid.NewGuid():N}";
        var ports = LoopbackPorts.Take(4);
        using var first = Silo("silo-a", ports[0], ports[1]);
        using var second = Silo("silo-b", ports[2], ports[3]);
        await first.StartAsync().Within(TimeSpan.FromMinutes(1));
        await second.StartAsync().Within(TimeSpan.FromMinutes(1));
        try
        {
            var management = first.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
            await Eventually.Until(async () => (await management.GetHosts(onlyActive: true)).Count == 2, "both silos are active members");
            var workspaceSid = RoutingSids.New(RoutingSids.WorkspacePrefix);
            Succeeded(await first.Services.GetRequiredService<IGrainFactory>().GetGrain<IWorkspaceGrain>(workspaceSid).Create(new CreateWorkspaceRequest(AccountSid, "Support")));

            var seen = Succeeded(await second.Services.GetRequiredService<IGrainFactory>().GetGrain<IWorkspaceGrain>(workspaceSid).Get());

            Assert.Equal("Support", seen.FriendlyName);
        }
        finally
        {
            await second.StopAsync().Within(TimeSpan.FromMinutes(1));
            await first.StopAsync().Within(TimeSpan.FromMinutes(1));
        }

        IHost Silo(string name, int siloPort, int gatewayPort)
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Telephony:Storage:Provider"] = "AzureTable",
                ["Telephony:Storage:ConnectionString"] = azurite.Azurite.ConnectionString,
                ["Telephony:Cluster:Provider"] = "AzureStorage",
                ["Telephony:Cluster:ClusterId"] = clusterId,
                ["Telephony:Silo:Name"] = name,
                ["Telephony:Silo:AdvertisedAddress"] = "127.0.0.1",
                ["Telephony:Silo:SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
                ["Telephony:Silo:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
            });
            builder.UseOrleans(silo => silo.AddTelephony(builder.Configuration));
            return builder.Build();
        }
    }
}
