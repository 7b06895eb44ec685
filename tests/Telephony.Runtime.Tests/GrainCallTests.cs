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
}
