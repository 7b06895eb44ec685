using Telephony.GrainInterfaces.Routing;
using Telephony.Grains.Routing;

namespace Telephony.Grains.Tests.Routing;

/// <summary>The router's in-memory worker index: offer order, skills, exclusions and version order of reports.</summary>
public sealed class WorkerIndexTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Free_workers_with_every_required_skill_come_longest_idle_first_then_oldest_then_by_sid()
    {
        var index = new WorkerIndex();
        index.Apply(Worker("WK3", idleMinutes: 10, skills: ["support", "english"]));
        index.Apply(Worker("WK1", idleMinutes: 30, skills: ["support"]));
        index.Apply(Worker("WK2", idleMinutes: 30, skills: ["support", "english"], createdMinutes: 5));
        index.Apply(Worker("WK4", idleMinutes: 30, skills: ["support", "english"], createdMinutes: 5));
        index.Apply(Worker("WK5", idleMinutes: 60, skills: ["english"]));
        index.Apply(Worker("WK6", idleMinutes: 90, skills: ["support", "english"], available: false));
        index.Apply(Worker("WK7", idleMinutes: 90, skills: ["support", "english"], busy: true));

        Assert.Equal(["WK5", "WK2", "WK4", "WK3"], index.Select(["english"], [], 10));
        Assert.Equal(["WK2", "WK4", "WK3"], index.Select(["support", "english"], [], 10));
        Assert.Equal(["WK1", "WK2"], index.Select(["support"], [], 2));
        Assert.Equal(["WK4", "WK3"], index.Select(["support", "english"], ["WK2"], 10));
        Assert.Equal(["WK5", "WK1", "WK2", "WK4", "WK3"], index.Select([], [], 10));
        Assert.Empty(index.Select(["french"], [], 10));
        Assert.Equal((7, 5), (index.Count, index.FreeCount));
    }

    [Fact]
    public void A_report_older_than_or_as_old_as_the_state_held_is_ignored()
    {
        var index = new WorkerIndex();
        Assert.True(index.Apply(Worker("WK1", idleMinutes: 5, skills: ["support"], version: 3)));

        var stale = index.Apply(Worker("WK1", idleMinutes: 5, skills: ["support"], version: 2, busy: true));
        var repeated = index.Apply(Worker("WK1", idleMinutes: 5, skills: ["support"], version: 3, available: false));
        var stillFree = index.IsFree("WK1");
        var newer = index.Apply(Worker("WK1", idleMinutes: 5, skills: ["support"], version: 4, available: false));

        Assert.False(stale);
        Assert.False(repeated);
        Assert.True(stillFree);
        Assert.True(newer);
        Assert.False(index.IsFree("WK1"));
        Assert.Empty(index.Select(["support"], [], 1));
    }

    [Fact]
    public void A_reserved_worker_leaves_the_free_sets_until_a_newer_report_frees_it()
    {
        var index = new WorkerIndex();
        index.Apply(Worker("WK1", idleMinutes: 5, skills: ["support"], version: 1));

        index.MarkReserved("WK1");
        var whileReserved = index.Select(["support"], [], 1);
        var ownReportOfTheOffer = index.Apply(Worker("WK1", idleMinutes: 5, skills: ["support"], version: 2, busy: true));
        var freedAgain = index.Apply(Worker("WK1", idleMinutes: 1, skills: ["support"], version: 3));

        Assert.Empty(whileReserved);
        Assert.True(ownReportOfTheOffer);
        Assert.True(freedAgain);
        Assert.Equal(["WK1"], index.Select(["support"], [], 1));
        Assert.Equal(1, index.FreeCount);
    }

    [Fact]
    public void Changing_skills_moves_a_worker_between_skill_sets_and_removing_it_forgets_it()
    {
        var index = new WorkerIndex();
        index.Apply(Worker("WK1", idleMinutes: 5, skills: ["english"], version: 1));

        index.Apply(Worker("WK1", idleMinutes: 5, skills: ["french"], version: 2));
        var english = index.Select(["english"], [], 1);
        var french = index.Select(["french"], [], 1);
        index.Remove("WK1");

        Assert.Empty(english);
        Assert.Equal(["WK1"], french);
        Assert.Equal((0, 0, false), (index.Count, index.FreeCount, index.Contains("WK1")));
        Assert.Empty(index.Select(["french"], [], 1));
    }

    private static WorkerRoutingState Worker(
        string sid,
        int idleMinutes,
        string[] skills,
        int createdMinutes = 0,
        bool available = true,
        bool busy = false,
        long version = 1) =>
        new(sid, available, available ? Start.AddMinutes(-idleMinutes) : null, Start.AddHours(-1).AddMinutes(createdMinutes), skills, busy, version);
}
