using System.Text;
using Telephony.Runtime.Storage;
using Telephony.Runtime.Tests.Grains;
using Telephony.Testing;

namespace Telephony.Runtime.Tests;

public sealed class PersistenceTests
{
    private static readonly GrainStateKey CounterKey = new("Counter", "c", "counter");

    [Fact]
    public async Task State_written_by_one_process_is_read_by_the_next_on_the_same_sqlite_file()
    {
        await using var file = new SqliteFile();
        var time = new ManualTimeProvider();

        var first = file.Open(time);
        await using (var cluster = await RuntimeFixture.StartAsync(new GrainEventLog(), time: time, storage: first.Storage, reminders: first.Reminders))
        {
            Assert.Equal(7, await cluster.GrainFactory.GetGrain<ICounterGrain>("c").Add(7));
        }

        var second = file.Open(time);
        var log = new GrainEventLog();
        await using var restarted = await RuntimeFixture.StartAsync(log, time: time, storage: second.Storage, reminders: second.Reminders);

        Assert.Equal(10, await restarted.GrainFactory.GetGrain<ICounterGrain>("c").Add(3));
        Assert.Equal(["activate"], log.For("c"));
    }

    [Fact]
    public async Task Back_to_back_sqlite_writes_of_one_grain_never_lose_a_wake_up()
    {
        // Each call finds the activation finishing the previous turn on the storage writer's thread:
        // the race between an enqueuing caller and a releasing activation, run many times.
        await using var file = new SqliteFile();
        var time = new ManualTimeProvider();
        var (storage, reminders) = file.Open(time);
        await using var cluster = await RuntimeFixture.StartAsync(new GrainEventLog(), time: time, storage: storage, reminders: reminders);
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>("busy");

        for (var i = 1; i <= 100_000; i++)
        {
            Assert.Equal(i, await counter.Add(1).AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
        }
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_throws_and_the_next_call_sees_the_stored_state()
    {
        await using var cluster = await RuntimeFixture.StartAsync(new GrainEventLog());
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>("c");
        await counter.Add(1);

        // Someone else (another silo, briefly) writes version 2.
        await cluster.Storage.WriteAsync(CounterKey, """{"Value":10}"""u8.ToArray(), 1, CancellationToken.None);

        await Assert.ThrowsAsync<InconsistentStateException>(async () => await counter.Add(1));
        Assert.Equal(10, await counter.Get());
        Assert.Equal(11, await counter.Add(1));
    }

    [Fact]
    public async Task Stored_state_leaves_out_null_values_and_keeps_a_plus_sign_as_written()
    {
        await using var cluster = await RuntimeFixture.StartAsync(new GrainEventLog());
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>("labelled");
        var key = new GrainStateKey("Counter", "labelled", "counter");

        await counter.Label("+15550100000");
        Assert.Equal("""{"Value":0,"Label":"+15550100000"}""", Encoding.UTF8.GetString((await cluster.Storage.ReadAsync(key, CancellationToken.None))!.Payload!));

        Assert.Equal("+15550100000", await counter.Label(null));
        Assert.Equal("""{"Value":0}""", Encoding.UTF8.GetString((await cluster.Storage.ReadAsync(key, CancellationToken.None))!.Payload!));
        await counter.Deactivate();
        Assert.Null(await counter.Label("next"));
    }

    [Fact]
    public async Task A_corrupt_state_record_fails_that_grain_with_a_clear_error_and_others_keep_working()
    {
        var log = new GrainEventLog();
        await using var cluster = await RuntimeFixture.StartAsync(log);
        await cluster.Storage.WriteAsync(new GrainStateKey("Counter", "broken", "counter"), Encoding.UTF8.GetBytes("{not json"), null, CancellationToken.None);

        var error = await Assert.ThrowsAsync<GrainActivationException>(async () => await cluster.GrainFactory.GetGrain<ICounterGrain>("broken").Get());

        Assert.Contains("Counter/broken", error.Message);
        Assert.Contains("state 'counter'", error.Message);
        Assert.Contains("not valid CounterState JSON", error.Message);
        Assert.Equal(1, await cluster.GrainFactory.GetGrain<ICounterGrain>("healthy").Add(1));
        Assert.Empty(log.For("broken"));
    }

    [Fact]
    public async Task A_grain_whose_record_is_repaired_activates_on_the_next_call()
    {
        await using var cluster = await RuntimeFixture.StartAsync(new GrainEventLog());
        var key = new GrainStateKey("Counter", "repaired", "counter");
        await cluster.Storage.WriteAsync(key, "[]"u8.ToArray(), null, CancellationToken.None);
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>("repaired");
        await Assert.ThrowsAsync<GrainActivationException>(async () => await counter.Get());

        await cluster.Storage.WriteAsync(key, """{"Value":4}"""u8.ToArray(), 1, CancellationToken.None);

        Assert.Equal(4, await counter.Get());
    }

    [Fact]
    public async Task Clearing_state_resets_it_and_later_writes_continue_from_the_new_version()
    {
        await using var cluster = await RuntimeFixture.StartAsync(new GrainEventLog());
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>("c");
        await counter.Add(5);

        await counter.Reset();

        Assert.Equal(0, await counter.Get());
        Assert.Equal(2, await counter.Add(2));
        var stored = await cluster.Storage.ReadAsync(CounterKey, CancellationToken.None);
        Assert.Equal(3, stored!.Version);
    }
}
