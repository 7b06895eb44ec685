using Orleans;
using Orleans.Runtime;

using Telephony.Testing;

namespace Telephony.Storage.Tests;

/// <summary>
/// The reminder table contract, written once and run against every table (modelled on Orleans' ReminderTableTestsBase).
/// Each test starts from an empty table.
/// </summary>
public abstract class ReminderTableConformanceTests : IAsyncLifetime
{
    private static readonly DateTime StartAt = new DateTime(2031, 5, 6, 7, 8, 9, DateTimeKind.Utc).AddTicks(1_234_567);
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1) + TimeSpan.FromTicks(3);

    private IReminderTable? _table;

    protected IReminderTable Table => _table ?? throw new InvalidOperationException("The table is not open.");

    public async Task InitializeAsync()
    {
        _table = await OpenTableAsync();
        await Table.TestOnlyClearTable().Within();
    }

    public Task DisposeAsync() => CloseTableAsync();

    /// <summary>The table under test, started.</summary>
    protected abstract Task<IReminderTable> OpenTableAsync();

    /// <summary>Lets go of what <see cref="OpenTableAsync"/> made for this test.</summary>
    protected virtual Task CloseTableAsync() => Task.CompletedTask;

    /// <summary>The resolution a start time is stored at: exact to the tick by default; Azure Table keeps milliseconds.</summary>
    protected virtual TimeSpan StartAtResolution => TimeSpan.FromTicks(1);

    [Fact]
    public async Task Upsert_then_ReadRow_returns_the_reminder_with_the_upserted_etag()
    {
        var grainId = NewGrainId();
        var etag = await Table.UpsertRow(Reminder(grainId, "wake-up/\\#?"));

        var read = await Table.ReadRow(grainId, "wake-up/\\#?");

        Assert.NotNull(read);
        Assert.False(string.IsNullOrEmpty(etag));
        Assert.Equal(etag, read.ETag);
        Assert.Equal(grainId, read.GrainId);
        Assert.Equal("wake-up/\\#?", read.ReminderName);
        Assert.Equal(Stored(StartAt), read.StartAt);
        Assert.Equal(Period, read.Period);
    }

    [Fact]
    public async Task ReadRow_of_a_missing_reminder_is_null()
    {
        Assert.Null(await Table.ReadRow(NewGrainId(), "none"));
    }

    [Fact]
    public async Task StartAt_and_Period_round_trip_in_utc_exactly_to_the_stores_resolution()
    {
        var grainId = NewGrainId();
        var startAt = new DateTime(2029, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(9_999_999);
        var period = TimeSpan.FromDays(3) + TimeSpan.FromTicks(1);
        await Table.UpsertRow(new ReminderEntry { GrainId = grainId, ReminderName = "exact", StartAt = startAt, Period = period });

        var read = await Table.ReadRow(grainId, "exact");

        Assert.NotNull(read);
        Assert.Equal(Stored(startAt).Ticks, read.StartAt.Ticks);
        Assert.NotEqual(DateTimeKind.Local, read.StartAt.Kind);
        Assert.Equal(period.Ticks, read.Period.Ticks);
    }

    [Fact]
    public async Task Every_upsert_returns_a_new_etag_and_replaces_the_reminder()
    {
        var grainId = NewGrainId();
        var first = await Table.UpsertRow(Reminder(grainId, "r"));
        var changed = Reminder(grainId, "r");
        changed.StartAt = StartAt.AddHours(1);
        changed.Period = TimeSpan.FromHours(2);
        var second = await Table.UpsertRow(changed);

        var read = await Table.ReadRow(grainId, "r");

        Assert.NotEqual(first, second);
        Assert.NotNull(read);
        Assert.Equal(second, read.ETag);
        Assert.Equal(Stored(StartAt.AddHours(1)), read.StartAt);
        Assert.Equal(TimeSpan.FromHours(2), read.Period);
        Assert.Single((await Table.ReadRows(grainId)).Reminders);
    }

    [Fact]
    public async Task Concurrent_upserts_of_one_reminder_each_get_a_distinct_etag()
    {
        var grainId = NewGrainId();

        var etags = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Table.UpsertRow(Reminder(grainId, "busy")))).Within();

        Assert.Equal(10, etags.Distinct().Count());
        var read = await Table.ReadRow(grainId, "busy");
        Assert.NotNull(read);
        Assert.Contains(read.ETag, etags);
    }

    [Fact]
    public async Task RemoveRow_with_the_current_etag_removes_the_reminder()
    {
        var grainId = NewGrainId();
        var etag = await Table.UpsertRow(Reminder(grainId, "r"));

        Assert.True(await Table.RemoveRow(grainId, "r", etag!));

        Assert.Null(await Table.ReadRow(grainId, "r"));
        Assert.False(await Table.RemoveRow(grainId, "r", etag!));
    }

    [Fact]
    public async Task RemoveRow_with_a_stale_etag_returns_false_and_keeps_the_reminder()
    {
        var grainId = NewGrainId();
        var stale = await Table.UpsertRow(Reminder(grainId, "r"));
        var current = await Table.UpsertRow(Reminder(grainId, "r"));

        Assert.False(await Table.RemoveRow(grainId, "r", stale!));

        var read = await Table.ReadRow(grainId, "r");
        Assert.NotNull(read);
        Assert.Equal(current, read.ETag);
    }

    [Fact]
    public async Task RemoveRow_of_another_name_or_a_foreign_etag_returns_false()
    {
        var grainId = NewGrainId();
        var etag = await Table.UpsertRow(Reminder(grainId, "r"));

        Assert.False(await Table.RemoveRow(grainId, "other", etag!));
        Assert.False(await Table.RemoveRow(NewGrainId(), "r", etag!));
        Assert.False(await Table.RemoveRow(grainId, "r", (await Table.UpsertRow(Reminder(grainId, "r2")))!));
        Assert.NotNull(await Table.ReadRow(grainId, "r"));
    }

    [Fact]
    public async Task An_etag_from_before_a_remove_does_not_remove_the_recreated_reminder()
    {
        var grainId = NewGrainId();
        var old = await Table.UpsertRow(Reminder(grainId, "r"));
        Assert.True(await Table.RemoveRow(grainId, "r", old!));
        var recreated = await Table.UpsertRow(Reminder(grainId, "r"));

        Assert.NotEqual(old, recreated);
        Assert.False(await Table.RemoveRow(grainId, "r", old!));
        Assert.NotNull(await Table.ReadRow(grainId, "r"));
    }

    [Fact]
    public async Task ReadRows_of_a_grain_returns_exactly_its_reminders()
    {
        var grainId = NewGrainId();
        var other = NewGrainId();
        await Table.UpsertRow(Reminder(grainId, "a"));
        await Table.UpsertRow(Reminder(grainId, "b"));
        await Table.UpsertRow(Reminder(other, "a"));

        var rows = (await Table.ReadRows(grainId)).Reminders;

        Assert.Equal(["a", "b"], rows.Select(row => row.ReminderName).Order());
        Assert.All(rows, row => Assert.Equal(grainId, row.GrainId));
        Assert.Empty((await Table.ReadRows(NewGrainId())).Reminders);
    }

    [Fact]
    public async Task ReadRows_of_a_range_returns_exactly_the_grains_hashed_after_begin_up_to_end()
    {
        var grains = await UpsertManyAsync(300);
        var hashes = grains.Select(grain => grain.GetUniformHashCode()).Distinct().Order().ToArray();

        // Bounds are real hashes, so the exclusive begin and the inclusive end are both exercised.
        var begin = hashes[60];
        var end = hashes[240];
        var rows = (await Table.ReadRows(begin, end)).Reminders;

        var expected = grains.Where(grain => grain.GetUniformHashCode() > begin && grain.GetUniformHashCode() <= end).ToHashSet();
        Assert.Equal(expected.Count, rows.Count);
        Assert.True(expected.SetEquals(rows.Select(row => row.GrainId)));
        Assert.Contains(rows, row => row.GrainId.GetUniformHashCode() == end);
        Assert.DoesNotContain(rows, row => row.GrainId.GetUniformHashCode() == begin);
    }

    [Fact]
    public async Task ReadRows_of_a_wrapping_range_returns_the_grains_hashed_after_begin_or_up_to_end()
    {
        var grains = await UpsertManyAsync(300);
        var hashes = grains.Select(grain => grain.GetUniformHashCode()).Distinct().Order().ToArray();

        var begin = hashes[240];
        var end = hashes[60];
        var rows = (await Table.ReadRows(begin, end)).Reminders;

        var expected = grains.Where(grain => grain.GetUniformHashCode() > begin || grain.GetUniformHashCode() <= end).ToHashSet();
        Assert.Equal(expected.Count, rows.Count);
        Assert.True(expected.SetEquals(rows.Select(row => row.GrainId)));
        Assert.Contains(rows, row => row.GrainId.GetUniformHashCode() == end);
        Assert.DoesNotContain(rows, row => row.GrainId.GetUniformHashCode() == begin);
    }

    [Fact]
    public async Task ReadRows_with_begin_equal_to_end_returns_the_whole_ring()
    {
        var grains = await UpsertManyAsync(50);
        var someHash = grains[7].GetUniformHashCode();

        Assert.Equal(50, (await Table.ReadRows(someHash, someHash)).Reminders.Count);
        Assert.Equal(50, (await Table.ReadRows(0, 0)).Reminders.Count);
    }

    [Fact]
    public async Task TestOnlyClearTable_removes_every_reminder()
    {
        var grains = await UpsertManyAsync(10);

        await Table.TestOnlyClearTable();

        Assert.Empty((await Table.ReadRows(0, 0)).Reminders);
        Assert.Null(await Table.ReadRow(grains[0], "tick"));
    }

    protected static GrainId NewGrainId() =>
        GrainId.Create(GrainType.Create("remindable"), GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid(), "ext/#?"));

    /// <summary><paramref name="at"/> as the table stores it: cut to <see cref="StartAtResolution"/>.</summary>
    private DateTime Stored(DateTime at) => new(at.Ticks - (at.Ticks % StartAtResolution.Ticks), DateTimeKind.Utc);

    private static ReminderEntry Reminder(GrainId grainId, string name) =>
        new() { GrainId = grainId, ReminderName = name, StartAt = StartAt, Period = Period };

    private async Task<List<GrainId>> UpsertManyAsync(int count)
    {
        var grains = Enumerable.Range(0, count).Select(_ => NewGrainId()).ToList();
        await Task.WhenAll(grains.Select(grain => Table.UpsertRow(Reminder(grain, "tick")))).Within();
        return grains;
    }
}
