using Telephony.Runtime.Tests.Grains;

namespace Telephony.Runtime.Tests;

public sealed class CallChainTests
{
    [Fact]
    public async Task A_cycle_between_two_non_reentrant_grains_fails_fast_naming_the_chain()
    {
        await using var cluster = await RuntimeFixture.StartAsync(new GrainEventLog());
        var a = cluster.GrainFactory.GetGrain<IChainGrain>("A");

        var error = await Assert.ThrowsAsync<DeadlockException>(() => a.Visit(["B", "A"]).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Contains("Chain/A -> Chain/B -> Chain/A", error.Message);
    }

    [Fact]
    public async Task A_grain_calling_itself_fails_fast()
    {
        await using var cluster = await RuntimeFixture.StartAsync(new GrainEventLog());

        await Assert.ThrowsAsync<DeadlockException>(() => cluster.GrainFactory.GetGrain<IChainGrain>("self").Visit(["self"]).WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_longer_cycle_is_detected_too()
    {
        await using var cluster = await RuntimeFixture.StartAsync(new GrainEventLog());

        var error = await Assert.ThrowsAsync<DeadlockException>(() => cluster.GrainFactory.GetGrain<IChainGrain>("A").Visit(["B", "C", "A"]).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Contains("Chain/A -> Chain/B -> Chain/C -> Chain/A", error.Message);
    }

    [Fact]
    public async Task A_chain_without_a_cycle_completes()
    {
        await using var cluster = await RuntimeFixture.StartAsync(new GrainEventLog());

        Assert.Equal("A>B>C", await cluster.GrainFactory.GetGrain<IChainGrain>("A").Visit(["B", "C"]));
    }

    [Fact]
    public async Task A_grain_that_allows_call_chain_reentrancy_takes_the_call_back()
    {
        await using var cluster = await RuntimeFixture.StartAsync(new GrainEventLog());

        Assert.Equal("A>B>A", await cluster.GrainFactory.GetGrain<IReentrantChainGrain>("A").Visit(["B", "A"]));
    }

    [Fact]
    public async Task A_grain_visited_twice_in_sequence_is_not_a_cycle()
    {
        await using var cluster = await RuntimeFixture.StartAsync(new GrainEventLog());
        var b = cluster.GrainFactory.GetGrain<IChainGrain>("B");

        Assert.Equal("B>C", await b.Visit(["C"]));
        Assert.Equal("A>B>C", await cluster.GrainFactory.GetGrain<IChainGrain>("A").Visit(["B", "C"]));
    }
}
