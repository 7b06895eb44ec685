using Telephony.Testing;
using Telephony.Runtime.Tests.Grains;

namespace Telephony.Runtime.Tests;

public sealed class GrainCallTests
{
    [Fact]
    public async Task A_call_returns_the_grains_result_and_state_accumulates()
    {
        var log = new GrainEventLog();
        await using var cluster = await RuntimeFixture.StartAsync(log);
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>("c1");

        Assert.Equal(2, await counter.Add(2));
        Assert.Equal(5, await counter.AddAfterYield(3));
        Assert.Equal(5, await cluster.GrainFactory.GetGrain<ICounterGrain>("c1").Get());
        Assert.Equal(0, await cluster.GrainFactory.GetGrain<ICounterGrain>("c2").Get());
    }

    [Fact]
    public async Task A_grain_is_activated_once_per_key_however_many_callers_race()
    {
        var log = new GrainEventLog();
        await using var cluster = await RuntimeFixture.StartAsync(log);

        var calls = Enumerable.Range(0, 200)
            .Select(_ => Task.Run(async () => await cluster.GrainFactory.GetGrain<ICounterGrain>("raced").Get()));
        await Task.WhenAll(calls);

        Assert.Equal(1, log.Count("raced", "activate"));
        Assert.Equal(1, cluster.Silos[0].ActivationCount);
    }

    [Fact]
    public async Task A_thousand_calls_issued_in_order_run_one_at_a_time_in_that_order()
    {
        await using var cluster = await RuntimeFixture.StartAsync(new GrainEventLog());
        var grain = cluster.GrainFactory.GetGrain<ISequenceGrain>("ordered");

        var calls = new Task[1000];
        for (var i = 0; i < calls.Length; i++)
        {
            calls[i] = grain.Record(i);
        }

        await Task.WhenAll(calls);

        Assert.Equal(Enumerable.Range(0, 1000), await grain.Recorded());
        Assert.Equal(1, await grain.MostTurnsAtOnce());
    }

    [Fact]
    public async Task A_thousand_concurrent_callers_on_many_threads_never_overlap_turns()
    {
        await using var cluster = await RuntimeFixture.StartAsync(new GrainEventLog());
        var grain = cluster.GrainFactory.GetGrain<ISequenceGrain>("concurrent");

        await Parallel.ForAsync(0, 1000, async (i, _) => await grain.Record(i));

        var recorded = await grain.Recorded();
        Assert.Equal(Enumerable.Range(0, 1000), recorded.Order());
        Assert.Equal(1, await grain.MostTurnsAtOnce());
    }

    [Fact]
    public async Task A_caller_resumes_only_once_the_grain_it_awaited_has_ended_its_turn()
    {
        var gate = new PoolGate();
        await using var cluster = await RuntimeFixture.StartAsync(new GrainEventLog(), gate: gate);
        var call = cluster.GrainFactory.GetGrain<IGateGrain>("gate").PassGate();
        await Eventually.Until(() => gate.Waiting == 1, "the call waits at the gate");
        var activation = cluster.Silos[0].Directory.All.Single(a => a.Id.Key == "gate");

        // The caller's continuation may run on the thread that finished the grain's turn; by then the grain must be free.
        var idleWhenResumed = call.ContinueWith(_ => activation.IsIdle, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        gate.Open();

        Assert.True(await idleWhenResumed);
    }

    [Fact]
    public async Task An_exception_in_a_grain_method_reaches_the_caller_and_the_grain_keeps_serving()
    {
        await using var cluster = await RuntimeFixture.StartAsync(new GrainEventLog());
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>("faulty");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await counter.Fail("boom"));

        Assert.Equal("boom", error.Message);
        Assert.Equal(1, await counter.Add(1));
    }

    [Fact]
    public async Task A_stateless_worker_runs_concurrent_calls_on_several_activations_up_to_its_limit()
    {
        var gate = new PoolGate();
        await using var cluster = await RuntimeFixture.StartAsync(new GrainEventLog(), gate: gate);
        var pool = cluster.GrainFactory.GetGrain<IPoolGrain>("pool");

        var calls = Enumerable.Range(0, 8).Select(_ => pool.WaitAtGate()).ToArray();
        await Eventually.Until(() => gate.Waiting == 4, "four activations wait at the gate");
        gate.Open();
        var activations = await Task.WhenAll(calls);

        Assert.Equal(4, activations.Distinct().Count());
        Assert.Equal(8, gate.Waiting);
    }

    [Fact]
    public async Task An_empty_key_is_refused()
    {
        await using var cluster = await RuntimeFixture.StartAsync(new GrainEventLog());

        Assert.Throws<ArgumentException>(() => cluster.GrainFactory.GetGrain<ICounterGrain>(string.Empty));
    }
}
