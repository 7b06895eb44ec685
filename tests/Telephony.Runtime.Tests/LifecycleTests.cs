using Telephony.Runtime.Tests.Grains;
using Telephony.Testing;

namespace Telephony.Runtime.Tests;

public sealed class LifecycleTests
{
    private static void ShortCollection(SiloOptions options)
    {
        options.CollectionAge = TimeSpan.FromMinutes(1);
        options.CollectionQuantum = TimeSpan.FromSeconds(10);
    }

    [Fact]
    public async Task An_idle_grain_is_deactivated_and_comes_back_with_its_state()
    {
        var log = new GrainEventLog();
        var time = new ManualTimeProvider();
        await using var cluster = await RuntimeFixture.StartAsync(log, time: time, options: ShortCollection);
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>("idle");
        await counter.Add(3);

        // A caller can see its result a moment before the activation ends its turn; a busy activation is never collected.
        await Eventually.Until(() => cluster.Silos[0].Directory.All.All(a => a.IsIdle), "the turn is over");
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(["activate"], log.For("idle"));

        time.Advance(TimeSpan.FromSeconds(60));
        await Eventually.Until(() => cluster.Silos[0].ActivationCount == 0, "the idle grain is collected");

        Assert.Equal(3, await counter.Get());
        Assert.Equal(["activate", "deactivate:Idle", "activate"], log.For("idle"));
    }

    [Fact]
    public async Task A_collected_stateless_worker_is_replaced_on_the_next_call_and_an_idle_one_is_reused()
    {
        var time = new ManualTimeProvider();
        var gate = new PoolGate();
        gate.Open();
        await using var cluster = await RuntimeFixture.StartAsync(new GrainEventLog(), time: time, options: ShortCollection, gate: gate);
        var pool = cluster.GrainFactory.GetGrain<IPoolGrain>("collected");
        var first = await pool.WaitAtGate();
        await Eventually.Until(() => cluster.Silos[0].Directory.All.All(a => a.IsIdle), "the turn is over");

        time.Advance(TimeSpan.FromSeconds(90));
        await Eventually.Until(() => cluster.Silos[0].ActivationCount == 0, "the idle worker is collected");
        var second = await pool.WaitAtGate();
        await Eventually.Until(() => cluster.Silos[0].Directory.All.All(a => a.IsIdle), "the turn is over");
        var third = await pool.WaitAtGate();

        Assert.NotEqual(first, second);
        Assert.Equal(second, third);
        Assert.Equal(1, cluster.Silos[0].ActivationCount);
    }

    [Fact]
    public async Task A_grain_in_use_is_not_collected()
    {
        var log = new GrainEventLog();
        var time = new ManualTimeProvider();
        await using var cluster = await RuntimeFixture.StartAsync(log, time: time, options: ShortCollection);
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>("busy");

        for (var i = 0; i < 12; i++)
        {
            await counter.Add(1);
            time.Advance(TimeSpan.FromSeconds(20));
        }

        Assert.Equal(["activate"], log.For("busy"));
    }

    [Fact]
    public async Task DeactivateOnIdle_ends_the_activation_after_the_current_turn()
    {
        var log = new GrainEventLog();
        await using var cluster = await RuntimeFixture.StartAsync(log);
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>("asked");
        await counter.Add(2);

        await counter.Deactivate();
        await Eventually.Until(() => log.For("asked").Contains("deactivate:Requested"), "the grain deactivates");

        Assert.Equal(2, await counter.Get());
        Assert.Equal(2, log.Count("asked", "activate"));
    }

    [Fact]
    public async Task Calls_queued_behind_a_grain_that_leaves_memory_reach_its_next_activation_in_order()
    {
        var log = new GrainEventLog();
        await using var cluster = await RuntimeFixture.StartAsync(log);
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>("leaving");

        var first = counter.AddAfterYield(1);
        var leave = counter.Deactivate();
        var second = counter.Add(2).AsTask();
        var third = counter.Add(3).AsTask();
        await Task.WhenAll(first, leave, second, third);

        Assert.Equal((1, 3, 6), (await first, await second, await third));
        Assert.Equal(["activate", "deactivate:Requested", "activate"], log.For("leaving"));
    }

    [Fact]
    public async Task Stopping_a_silo_runs_OnDeactivateAsync_of_every_activation()
    {
        var log = new GrainEventLog();
        var cluster = await RuntimeFixture.StartAsync(log);
        await cluster.GrainFactory.GetGrain<ICounterGrain>("a").Add(1);
        await cluster.GrainFactory.GetGrain<ICounterGrain>("b").Add(1);

        await cluster.DisposeAsync();

        Assert.Equal(["activate", "deactivate:ShuttingDown"], log.For("a"));
        Assert.Equal(["activate", "deactivate:ShuttingDown"], log.For("b"));
    }

    [Fact]
    public async Task A_call_arriving_during_a_graceful_stop_is_refused_and_the_stop_completes()
    {
        var log = new GrainEventLog();
        await using var cluster = await RuntimeFixture.StartAsync(log, options: o => o.ShutdownTimeout = TimeSpan.FromMinutes(5));
        var silo = cluster.Silos[0];
        await cluster.GrainFactory.GetGrain<ICounterGrain>("old").Add(1);

        var stopping = silo.StopAsync(CancellationToken.None);
        await Assert.ThrowsAsync<SiloUnavailableException>(async () => await cluster.GrainFactory.GetGrain<ICounterGrain>("new").Get());
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, silo.ActivationCount);
        Assert.Empty(log.For("new"));
        Assert.Equal(["activate", "deactivate:ShuttingDown"], log.For("old"));
    }

    [Fact]
    public async Task A_timer_ticks_as_turns_of_its_grain_until_stopped()
    {
        var log = new GrainEventLog();
        var time = new ManualTimeProvider();
        await using var cluster = await RuntimeFixture.StartAsync(log, time: time);
        var timer = cluster.GrainFactory.GetGrain<ITimerGrain>("t");
        await timer.Start(TimeSpan.FromSeconds(10));

        for (var tick = 1; tick <= 3; tick++)
        {
            time.Advance(TimeSpan.FromSeconds(10));
            var expected = tick;
            await Eventually.Until(async () => await timer.Ticks() == expected, $"tick {expected} ran");
        }

        await timer.Stop();
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(3, await timer.Ticks());
    }
}
