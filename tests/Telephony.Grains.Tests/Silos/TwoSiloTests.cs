using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Orleans.TestingHost;
using Telephony.GrainInterfaces.Sessions;
using Telephony.Grains.Tests.Sessions;
using Telephony.Testing;
using static Telephony.Grains.Tests.Sessions.SessionHarness;

namespace Telephony.Grains.Tests.Silos;

/// <summary>Two silos on one SQLite file: a grain lives on one silo and is reached through either; a killed silo's grains come back on the survivor.</summary>
public sealed class TwoSiloTests
{
    private static readonly NewSession Chat = new() { Channel = FlowChannels.Chat, Destination = "customer@acme.example" };

    [Fact]
    public async Task A_grain_activated_on_one_silo_is_called_through_the_other_and_stays_where_it_is()
    {
        using var store = new TemporarySqliteFile();
        await using var harness = await SessionHarness.StartAsync(store, silos: 2);
        var silos = harness.Cluster.Cluster.Silos;
        var started = Succeeded(await GrainsOf(silos[0]).GetGrain<ISessionGrain>("chat-1").Start(Agent, Chat));
        var home = HomeOf(harness, "chat-1");
        var other = silos.Single(s => s.SiloAddress != home);

        var seenThroughOther = Succeeded(await GrainsOf(other).GetGrain<ISessionGrain>("chat-1").Get(AccountId));

        Assert.Equal(started.Log, seenThroughOther.Log);
        Assert.Equal(home, HomeOf(harness, "chat-1"));
    }

    [Fact]
    public async Task Grains_of_a_killed_silo_come_back_on_the_survivor_with_their_state()
    {
        using var store = new TemporarySqliteFile();
        await using var harness = await SessionHarness.StartAsync(store, silos: 2);
        var silos = harness.Cluster.Cluster.Silos.ToList();
        var victim = silos[1];
        var survivor = silos[0];

        // Placement picks the silo: start sessions until a few live on the one that will be killed.
        var started = new Dictionary<string, SessionInfo>();
        for (var i = 0; i < 500 && started.Keys.Count(id => HomeOf(harness, id) == victim.SiloAddress) < 5; i++)
        {
            var id = $"chat-{i}";
            started[id] = Succeeded(await harness.Session(id).Start(Agent, Chat));
        }

        var moved = started.Keys.Where(id => HomeOf(harness, id) == victim.SiloAddress).ToList();
        Assert.True(moved.Count >= 5, $"only {moved.Count} of {started.Count} sessions were placed on the second silo");

        await harness.Cluster.Cluster.KillSiloAsync(victim);
        var back = new Dictionary<string, SessionInfo>();
        foreach (var id in moved)
        {
            await Eventually.Until(
                async () =>
                {
                    try
                    {
                        back[id] = Succeeded(await GrainsOf(survivor).GetGrain<ISessionGrain>(id).Get(AccountId));
                        return true;
                    }
                    catch (Exception e) when (e is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException)
                    {
                        return false;
                    }
                },
                $"session {id} answers from the survivor",
                TimeSpan.FromSeconds(60));
        }

        Assert.All(moved, id => Assert.Equal(started[id].Log, back[id].Log));
        Assert.All(moved, id => Assert.Equal(survivor.SiloAddress, HomeOf(harness, id)));
    }

    private static IGrainFactory GrainsOf(InProcessSiloHandle silo) => silo.ServiceProvider.GetRequiredService<IGrainFactory>();

    private static SiloAddress? HomeOf(SessionHarness harness, string sessionId) =>
        harness.Cluster.Cluster.TryGetGrainContext(harness.Session(sessionId).GetGrainId(), out var context) ? context.Address.SiloAddress : null;
}
