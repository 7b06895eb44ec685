using Telephony.Runtime.Tests.Grains;
using Telephony.Testing;

namespace Telephony.Runtime.Tests;

public sealed class DetachedCallTests
{
    [Fact]
    public async Task A_detached_call_reaches_its_callee_before_any_call_made_after_the_sending_turn_answers()
    {
        const int Rounds = 200;
        await using var cluster = await RuntimeFixture.StartAsync(new GrainEventLog());
        var sender = cluster.GrainFactory.GetGrain<IDetachingGrain>("sender");
        var sequence = cluster.GrainFactory.GetGrain<ISequenceGrain>("sequence");

        for (var i = 0; i < Rounds; i++)
        {
            await sender.SendRecord("sequence", 2 * i);
            await sequence.Record((2 * i) + 1);
        }

        Assert.Equal(Enumerable.Range(0, 2 * Rounds), await sequence.Recorded());
    }

    [Fact]
    public async Task A_detached_call_back_into_a_grain_waiting_on_the_sender_runs_after_that_turn_instead_of_failing_as_a_cycle()
    {
        var log = new GrainEventLog();
        await using var cluster = await RuntimeFixture.StartAsync(log);

        await cluster.GrainFactory.GetGrain<IDetachingGrain>("A").Ask("B");
        await Eventually.Until(() => log.For("A").Contains("poked"), "A was poked");
        await Eventually.Until(() => log.For("B").Count > 0, "B saw its detached call end");

        Assert.Equal(["asked", "poked"], log.For("A"));
        Assert.Equal(["detached call done"], log.For("B"));
    }
}
