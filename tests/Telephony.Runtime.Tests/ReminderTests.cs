using Telephony.Runtime.Tests.Grains;
using Telephony.Testing;

namespace Telephony.Runtime.Tests;

public sealed class ReminderTests
{
    [Fact]
    public async Task A_one_shot_reminder_fires_once_and_is_then_gone()
    {
        var log = new GrainEventLog();
        var time = new ManualTimeProvider();
        await using var cluster = await RuntimeFixture.StartAsync(log, time: time);
        var grain = cluster.GrainFactory.GetGrain<IReminderGrain>("r");
        await grain.Schedule("wake", TimeSpan.FromMinutes(1), TimeSpan.Zero);

        time.Advance(TimeSpan.FromSeconds(59));
        Assert.Empty(await grain.Ticks());

        time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.Until(async () => !await grain.Has("wake"), "the fired one-shot reminder is removed");
        time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(["wake@09:01:00"], await grain.Ticks());
    }

    [Fact]
    public async Task A_periodic_reminder_fires_every_period_until_unregistered()
    {
        var log = new GrainEventLog();
        var time = new ManualTimeProvider();
        await using var cluster = await RuntimeFixture.StartAsync(log, time: time);
        var grain = cluster.GrainFactory.GetGrain<IReminderGrain>("p");
        await grain.Schedule("beat", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));

        for (var minute = 1; minute <= 3; minute++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            var expected = minute;
            await Eventually.Until(() => log.Count("p", "tick:beat") == expected, $"tick {expected}");
        }

        await grain.Cancel("beat");
        time.Advance(TimeSpan.FromMinutes(3));

        Assert.Equal(["beat@09:01:00", "beat@09:02:00", "beat@09:03:00"], await grain.Ticks());
    }

    [Fact]
    public async Task A_reminder_that_came_due_while_the_silo_was_down_fires_once_after_restart()
    {
        await using var file = new SqliteFile();
        var time = new ManualTimeProvider();
        var first = file.Open(time);
        await using (var cluster = await RuntimeFixture.StartAsync(new GrainEventLog(), time: time, storage: first.Storage, reminders: first.Reminders))
        {
            var grain = cluster.GrainFactory.GetGrain<IReminderGrain>("sleeper");
            await grain.Schedule("once", TimeSpan.FromMinutes(1), TimeSpan.Zero);
            await grain.Schedule("every", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }

        time.Advance(TimeSpan.FromMinutes(10));
        var log = new GrainEventLog();
        var second = file.Open(time);
        await using var restarted = await RuntimeFixture.StartAsync(log, time: time, storage: second.Storage, reminders: second.Reminders);
        time.Advance(TimeSpan.FromSeconds(1));
        var grainAfter = restarted.GrainFactory.GetGrain<IReminderGrain>("sleeper");
        await Eventually.Until(async () => log.Count("sleeper", "tick:every") == 1 && !await grainAfter.Has("once"), "both missed reminders fire");
        time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(["every@09:01:00", "once@09:01:00"], (await grainAfter.Ticks()).Order());
        Assert.False(await grainAfter.Has("once"));
        Assert.True(await grainAfter.Has("every"));

        // The periodic one resumes on its grid: the restart was at 09:10, so the next tick is due at 09:11. Time moves on
        // in small steps until it fires (a poll still running when one step lands skips that step), never near 09:12.
        time.Advance(TimeSpan.FromSeconds(30));
        var beforeNextTick = time.GetUtcNow().AddSeconds(45);
        await Eventually.Until(
            () =>
            {
                if (log.Count("sleeper", "tick:every") == 2)
                {
                    return true;
                }

                if (time.GetUtcNow() < beforeNextTick)
                {
                    time.Advance(TimeSpan.FromMilliseconds(250));
                }

                return false;
            },
            "the periodic reminder resumes");
        Assert.Equal(["every@09:01:00", "every@09:11:00", "once@09:01:00"], (await grainAfter.Ticks()).Order());
    }

    [Fact]
    public async Task Each_reminder_tick_fires_on_exactly_one_silo_of_a_cluster()
    {
        var log = new GrainEventLog();
        var time = new ManualTimeProvider();
        await using var cluster = await RuntimeFixture.StartAsync(log, silos: 3, time: time);
        var keys = Enumerable.Range(0, 20).Select(i => $"g{i}").ToArray();
        foreach (var key in keys)
        {
            await cluster.GrainFactory.GetGrain<IReminderGrain>(key).Schedule("once", TimeSpan.FromMinutes(1), TimeSpan.Zero);
        }

        time.Advance(TimeSpan.FromMinutes(1));
        await Eventually.Until(() => keys.All(k => log.Count(k, "tick:once") >= 1), "every grain got its tick");
        for (var i = 0; i < 5; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
        }

        foreach (var key in keys)
        {
            Assert.Equal(1, log.Count(key, "tick:once"));
        }
    }
}
