using Telephony.Runtime.Reminders;
using Telephony.Testing;

namespace Telephony.Runtime.Tests;

/// <summary>What every reminder table must do; each table runs this suite.</summary>
public abstract class ReminderTableConformanceTests : IAsyncLifetime
{
    private static readonly GrainId Grain = new("Reservation", "WR1");
    private static readonly DateTimeOffset Noon = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    protected IReminderTable Table { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Table = await CreateAsync();
        await Table.InitializeAsync(CancellationToken.None);
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_upserted_reminder_is_read_back_and_replacing_it_bumps_its_version()
    {
        var first = await Table.UpsertAsync(Grain, "timeout", Noon, TimeSpan.Zero, CancellationToken.None);
        var second = await Table.UpsertAsync(Grain, "timeout", Noon.AddMinutes(2), TimeSpan.FromMinutes(1), CancellationToken.None);

        var read = await Table.ReadAsync(Grain, "timeout", CancellationToken.None);

        Assert.Equal(new ReminderEntry(Grain, "timeout", Noon, TimeSpan.Zero, 1), first);
        Assert.Equal(new ReminderEntry(Grain, "timeout", Noon.AddMinutes(2), TimeSpan.FromMinutes(1), 2), second);
        Assert.Equal(second, read);
    }

    [Fact]
    public async Task Only_due_reminders_are_listed_earliest_first()
    {
        await Table.UpsertAsync(Grain, "later", Noon.AddMinutes(5), TimeSpan.Zero, CancellationToken.None);
        await Table.UpsertAsync(Grain, "second", Noon.AddMinutes(-1), TimeSpan.Zero, CancellationToken.None);
        await Table.UpsertAsync(Grain with { Key = "WR2" }, "first", Noon.AddMinutes(-2), TimeSpan.Zero, CancellationToken.None);

        var due = await Table.ReadDueAsync(Noon, 10, CancellationToken.None);

        Assert.Equal(["first", "second"], due.Select(d => d.Name));
    }

    [Fact]
    public async Task A_reschedule_with_a_stale_version_loses()
    {
        var entry = await Table.UpsertAsync(Grain, "timeout", Noon, TimeSpan.Zero, CancellationToken.None);

        var winner = await Table.TryRescheduleAsync(entry, Noon.AddMinutes(1), CancellationToken.None);
        var loser = await Table.TryRescheduleAsync(entry, Noon.AddMinutes(9), CancellationToken.None);

        Assert.Equal(Noon.AddMinutes(1), winner!.DueAt);
        Assert.Equal(2, winner.Version);
        Assert.Null(loser);
    }

    [Fact]
    public async Task Removal_is_conditional_on_the_version_when_one_is_given()
    {
        var entry = await Table.UpsertAsync(Grain, "timeout", Noon, TimeSpan.Zero, CancellationToken.None);
        await Table.UpsertAsync(Grain, "timeout", Noon, TimeSpan.Zero, CancellationToken.None);

        Assert.False(await Table.RemoveAsync(Grain, "timeout", entry.Version, CancellationToken.None));
        Assert.True(await Table.RemoveAsync(Grain, "timeout", null, CancellationToken.None));
        Assert.Null(await Table.ReadAsync(Grain, "timeout", CancellationToken.None));
        Assert.False(await Table.RemoveAsync(Grain, "timeout", null, CancellationToken.None));
    }

    protected abstract Task<IReminderTable> CreateAsync();
}

public sealed class MemoryReminderTableConformanceTests : ReminderTableConformanceTests
{
    protected override Task<IReminderTable> CreateAsync() => Task.FromResult<IReminderTable>(new MemoryReminderTable());
}

public sealed class SqliteReminderTableConformanceTests : ReminderTableConformanceTests
{
    private readonly SqliteFile _file = new();

    public override async Task DisposeAsync() => await _file.DisposeAsync();

    protected override Task<IReminderTable> CreateAsync() => Task.FromResult<IReminderTable>(_file.Open(new ManualTimeProvider()).Reminders);
}
