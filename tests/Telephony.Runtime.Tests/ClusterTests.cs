using Telephony.Runtime.Tests.Grains;

namespace Telephony.Runtime.Tests;

public sealed class ClusterTests
{
    [Fact]
    public async Task Grains_spread_over_the_silos_of_a_cluster()
    {
        await using var cluster = await RuntimeFixture.StartAsync(new GrainEventLog(), silos: 3);

        for (var i = 0; i < 60; i++)
        {
            await cluster.GrainFactory.GetGrain<ICounterGrain>($"k{i}").Add(1);
        }

        Assert.All(cluster.Silos, silo => Assert.InRange(silo.ActivationCount, 1, 58));
        Assert.Equal(60, cluster.Silos.Sum(s => s.ActivationCount));
    }

    [Fact]
    public async Task When_a_silo_is_killed_its_grains_come_back_on_the_others_with_their_state()
    {
        var log = new GrainEventLog();
        await using var cluster = await RuntimeFixture.StartAsync(log, silos: 3);
        var keys = Enumerable.Range(0, 30).Select(i => $"k{i}").ToArray();
        foreach (var key in keys)
        {
            await cluster.GrainFactory.GetGrain<ICounterGrain>(key).Add(1);
        }

        var victim = cluster.Silos.MaxBy(s => s.ActivationCount)!;
        var lost = victim.ActivationCount;
        cluster.KillSilo(victim);

        foreach (var key in keys)
        {
            Assert.Equal(2, await cluster.GrainFactory.GetGrain<ICounterGrain>(key).Add(1));
        }

        Assert.Equal(30 + lost, keys.Sum(k => log.Count(k, "activate")));
        Assert.Equal(30, cluster.Silos.Where(s => s.IsRunning).Sum(s => s.ActivationCount));
    }

    [Fact]
    public async Task A_silo_stopped_gracefully_hands_its_grains_over_after_deactivating_them()
    {
        var log = new GrainEventLog();
        await using var cluster = await RuntimeFixture.StartAsync(log, silos: 2);
        var keys = Enumerable.Range(0, 10).Select(i => $"k{i}").ToArray();
        foreach (var key in keys)
        {
            await cluster.GrainFactory.GetGrain<ICounterGrain>(key).Add(5);
        }

        var leaving = cluster.Silos[1];
        Assert.InRange(leaving.ActivationCount, 1, keys.Length - 1);
        await cluster.StopSiloAsync(leaving);
        var handedOver = keys.Where(k => log.For(k).Contains("deactivate:ShuttingDown")).ToArray();

        foreach (var key in keys)
        {
            Assert.Equal(5, await cluster.GrainFactory.GetGrain<ICounterGrain>(key).Get());
        }

        Assert.NotEmpty(handedOver);
        Assert.All(handedOver, k => Assert.Equal(["activate", "deactivate:ShuttingDown", "activate"], log.For(k)));
        Assert.Equal(keys.Length, cluster.Silos[0].ActivationCount);
    }
}
