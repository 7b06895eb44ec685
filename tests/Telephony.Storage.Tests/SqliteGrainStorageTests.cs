using System.Globalization;
using Microsoft.Data.Sqlite;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using SQLitePCL;
using Telephony.Testing;

namespace Telephony.Storage.Tests;

/// <summary>What only the SQLite grain storage promises: durability in its file, tombstones, group commit, failure handling.</summary>
public sealed class SqliteGrainStorageTests : IDisposable
{
    private readonly TemporarySqliteFile _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task Data_survive_reopening_the_file_with_a_new_provider()
    {
        var kept = NewGrainId();
        var cleared = NewGrainId();
        var reminderGrain = NewGrainId();
        string? keptETag, clearedETag, reminderETag;
        await using (var first = await SqliteHarness.StartAsync(_file.ConnectionString))
        {
            var state = new GrainState<TestState> { State = TestState.Sample("kept", 3) };
            await first.Storage.WriteStateAsync("state", kept, state);
            keptETag = state.ETag;
            var toClear = new GrainState<TestState> { State = TestState.Sample("cleared") };
            await first.Storage.WriteStateAsync("state", cleared, toClear);
            await first.Storage.ClearStateAsync("state", cleared, toClear);
            clearedETag = toClear.ETag;
            reminderETag = await first.Reminders.UpsertRow(new ReminderEntry
            {
                GrainId = reminderGrain, ReminderName = "r", StartAt = DateTime.UnixEpoch, Period = TimeSpan.FromMinutes(5),
            });
        }

        await using var second = await SqliteHarness.StartAsync(_file.ConnectionString);
        var read = await ReadAsync(second, kept);
        Assert.Equal(TestState.Sample("kept", 3), read.State);
        Assert.Equal(keptETag, read.ETag);
        var readCleared = await ReadAsync(second, cleared);
        Assert.False(readCleared.RecordExists);
        Assert.Equal(clearedETag, readCleared.ETag);
        var reminder = await second.Reminders.ReadRow(reminderGrain, "r");
        Assert.NotNull(reminder);
        Assert.Equal(reminderETag, reminder.ETag);
        Assert.Equal(TimeSpan.FromMinutes(5), reminder.Period);
    }

    [Fact]
    public async Task The_file_is_in_WAL_journal_mode_and_connections_sync_normally()
    {
        await using var harness = await SqliteHarness.StartAsync(_file.ConnectionString);

        Assert.Equal("wal", SqliteFiles.Scalar(_file.Path, "PRAGMA journal_mode"));
        using var connection = harness.Database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous";
        Assert.Equal(1L, command.ExecuteScalar()); // NORMAL
    }

    [Fact]
    public async Task Clearing_leaves_a_tombstone_whose_version_keeps_stale_writers_out()
    {
        await using var harness = await SqliteHarness.StartAsync(_file.ConnectionString);
        var grainId = NewGrainId();
        var state = new GrainState<TestState> { State = TestState.Sample("alive") };
        await harness.Storage.WriteStateAsync("state", grainId, state);
        Assert.Equal("1", state.ETag);

        await harness.Storage.ClearStateAsync("state", grainId, state);

        Assert.Equal("2", state.ETag);
        Assert.Equal(2L, SqliteFiles.Scalar(_file.Path, $"SELECT etag FROM orleans_grain_state WHERE grain_id = '{grainId}'"));
        Assert.Equal(1L, SqliteFiles.Scalar(_file.Path, $"SELECT payload IS NULL FROM orleans_grain_state WHERE grain_id = '{grainId}'"));
        var read = await ReadAsync(harness, grainId);
        Assert.False(read.RecordExists);
        Assert.Equal("2", read.ETag);

        // Neither a writer that never read the row, nor one holding the ETag from before the clear, gets in.
        var fresh = await Assert.ThrowsAsync<InconsistentStateException>(() =>
            harness.Storage.WriteStateAsync("state", grainId, new GrainState<TestState> { State = TestState.Sample("fresh") }));
        Assert.Equal("2", fresh.StoredEtag);
        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            harness.Storage.WriteStateAsync("state", grainId, new GrainState<TestState> { State = TestState.Sample("stale"), ETag = "1" }));

        await harness.Storage.WriteStateAsync("state", grainId, state);
        Assert.Equal("3", state.ETag);
    }

    [Fact]
    public async Task Rows_hold_the_grain_id_as_parseable_text_and_the_update_time_in_utc_ticks()
    {
        await using var harness = await SqliteHarness.StartAsync(_file.ConnectionString);
        var grainId = GrainId.Create(GrainType.Create("call"), GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid(), "tenant/ü"));
        var before = DateTime.UtcNow.Ticks;

        await harness.Storage.WriteStateAsync("state", grainId, new GrainState<TestState> { State = TestState.Sample("x") });

        var after = DateTime.UtcNow.Ticks;
        var stored = (string)SqliteFiles.Scalar(_file.Path, "SELECT grain_id FROM orleans_grain_state")!;
        Assert.Equal(grainId.ToString(), stored);
        Assert.Equal(grainId, GrainId.Parse(stored, CultureInfo.InvariantCulture));
        var updatedAt = (long)SqliteFiles.Scalar(_file.Path, "SELECT updated_at FROM orleans_grain_state")!;
        Assert.InRange(updatedAt, before, after);
    }

    [Fact]
    public async Task Writes_from_a_thousand_grains_at_once_all_commit_in_far_fewer_transactions()
    {
        const int BatchSize = 100;
        await using var harness = await SqliteHarness.StartAsync(_file.ConnectionString, options =>
        {
            options.BusyTimeout = TimeSpan.FromMinutes(1);
            options.MaxBatchSize = BatchSize;
        });
        var grains = Enumerable.Range(0, 1000).Select(_ => NewGrainId()).ToArray();
        var states = grains.Select((_, i) => new GrainState<TestState> { State = TestState.Sample("grain", i) }).ToArray();
        Task[] writes;

        // Everything is queued while another connection holds the write lock, so the queue is full when it is let go.
        using (SqliteFiles.HoldWriteLock(_file.Path))
        {
            writes = grains.Select((grainId, i) => harness.Storage.WriteStateAsync("state", grainId, states[i])).ToArray();
        }

        await Task.WhenAll(writes).Within();

        var loop = harness.Database.Loop!;
        Assert.Equal(1000, loop.CommittedWrites);
        // The first write may have been taken alone before the lock was let go; the rest fill whole batches.
        Assert.InRange(loop.Transactions, 10, 1 + (int)Math.Ceiling(999.0 / BatchSize));
        Assert.All(states, state => Assert.Equal("1", state.ETag));
        for (var i = 0; i < grains.Length; i += 97)
        {
            Assert.Equal(TestState.Sample("grain", i), (await ReadAsync(harness, grains[i])).State);
        }
    }

    [Fact]
    public async Task A_batch_stops_growing_at_four_megabytes_of_payload()
    {
        await using var harness = await SqliteHarness.StartAsync(_file.ConnectionString, options => options.BusyTimeout = TimeSpan.FromMinutes(1));
        var grains = Enumerable.Range(0, 10).Select(_ => NewGrainId()).ToArray();
        var megabyte = new string('m', 1024 * 1024);
        Task[] writes;
        using (SqliteFiles.HoldWriteLock(_file.Path))
        {
            writes = grains.Select(grainId => harness.Storage.WriteStateAsync("state", grainId, new GrainState<TestState> { State = new TestState { Name = megabyte } })).ToArray();
        }

        await Task.WhenAll(writes).Within();

        // Without the cap these ten would share one or two transactions; with it, at most four go together.
        Assert.InRange(harness.Database.Loop!.Transactions, 3, 10);
        Assert.Equal(10, harness.Database.Loop.CommittedWrites);
    }

    [Fact]
    public async Task Writers_waiting_for_a_lock_held_elsewhere_fail_and_a_later_write_succeeds()
    {
        await using var harness = await SqliteHarness.StartAsync(_file.ConnectionString, options => options.BusyTimeout = TimeSpan.FromMilliseconds(200));
        var grainId = NewGrainId();
        var state = new GrainState<TestState> { State = TestState.Sample("before") };
        await harness.Storage.WriteStateAsync("state", grainId, state);
        var others = Enumerable.Range(0, 4).Select(_ => NewGrainId()).ToArray();

        Exception?[] outcomes;
        using (SqliteFiles.HoldWriteLock(_file.Path))
        {
            var blocked = new GrainState<TestState> { State = TestState.Sample("blocked"), ETag = state.ETag };
            var writes = others.Select(other => harness.Storage.WriteStateAsync("state", other, new GrainState<TestState> { State = TestState.Sample("other") }))
                .Append(harness.Storage.WriteStateAsync("state", grainId, blocked));
            outcomes = await Task.WhenAll(writes.Select(OutcomeAsync)).Within();

            // Readers are not blocked by a writer in WAL mode.
            Assert.Equal(TestState.Sample("before"), (await ReadAsync(harness, grainId)).State);
        }

        Assert.All(outcomes, error => Assert.Equal(raw.SQLITE_BUSY, Assert.IsType<SqliteException>(error).SqliteErrorCode));
        foreach (var other in others)
        {
            Assert.False((await ReadAsync(harness, other)).RecordExists);
        }

        var read = await ReadAsync(harness, grainId);
        Assert.Equal(state.ETag, read.ETag);
        state.State = TestState.Sample("after");
        await harness.Storage.WriteStateAsync("state", grainId, state);
        Assert.Equal(TestState.Sample("after"), (await ReadAsync(harness, grainId)).State);
    }

    [Fact]
    public async Task When_the_disk_is_full_the_writes_fail_unapplied_and_once_there_is_room_they_succeed()
    {
        await using var harness = await SqliteHarness.StartAsync(_file.ConnectionString);

        // A deterministic full disk: while the flag is up, every connection opened may not grow the file any more.
        var diskFull = 1;
        harness.Database.ConnectionOpened = connection =>
        {
            if (Volatile.Read(ref diskFull) == 1)
            {
                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA page_count";
                var pages = (long)command.ExecuteScalar()!;
                command.CommandText = $"PRAGMA max_page_count = {pages}";
                command.ExecuteNonQuery();
            }
        };
        var grains = Enumerable.Range(0, 5).Select(_ => NewGrainId()).ToArray();
        var large = new TestState { Name = new string('d', 200_000) };

        var outcomes = await Task.WhenAll(grains.Select(grainId =>
            OutcomeAsync(harness.Storage.WriteStateAsync("state", grainId, new GrainState<TestState> { State = large })))).Within();

        Assert.All(outcomes, error => Assert.Equal(raw.SQLITE_FULL, Assert.IsType<SqliteException>(error).SqliteErrorCode));
        Volatile.Write(ref diskFull, 0);
        foreach (var grainId in grains)
        {
            await harness.Storage.WriteStateAsync("state", grainId, new GrainState<TestState> { State = large }).Within();
        }

        foreach (var grainId in grains)
        {
            var read = await ReadAsync(harness, grainId);
            Assert.Equal("1", read.ETag);
            Assert.Equal(large, read.State);
        }
    }

    [Fact]
    public async Task A_write_too_large_for_the_file_fails_alone_while_its_batch_mates_commit()
    {
        await using var harness = await SqliteHarness.StartAsync(_file.ConnectionString, options => options.BusyTimeout = TimeSpan.FromMinutes(1));

        // A deterministic stand-in for a write one batch cannot take: this file's connections refuse values over 100 kB.
        harness.Database.ConnectionOpened = connection => raw.sqlite3_limit(connection.Handle, raw.SQLITE_LIMIT_LENGTH, 100_000);
        var small = Enumerable.Range(0, 20).Select(_ => NewGrainId()).ToArray();
        var huge = NewGrainId();
        Task[] smallWrites;
        Task hugeWrite;
        using (SqliteFiles.HoldWriteLock(_file.Path))
        {
            smallWrites = small.Take(10).Select(grainId => Write(grainId, "small")).ToArray();
            hugeWrite = harness.Storage.WriteStateAsync("state", huge, new GrainState<TestState> { State = new TestState { Name = new string('x', 300_000) } });
            smallWrites = [.. smallWrites, .. small.Skip(10).Select(grainId => Write(grainId, "small"))];
        }

        var hugeError = await OutcomeAsync(hugeWrite).Within();
        await Task.WhenAll(smallWrites).Within();

        Assert.Equal(raw.SQLITE_TOOBIG, Assert.IsType<SqliteException>(hugeError).SqliteErrorCode);
        foreach (var grainId in small)
        {
            Assert.Equal(TestState.Sample("small"), (await ReadAsync(harness, grainId)).State);
        }

        Assert.False((await ReadAsync(harness, huge)).RecordExists);
        await Write(huge, "small enough");
        Assert.Equal(TestState.Sample("small enough"), (await ReadAsync(harness, huge)).State);

        Task Write(GrainId grainId, string name) =>
            harness.Storage.WriteStateAsync("state", grainId, new GrainState<TestState> { State = TestState.Sample(name) });
    }

    [Fact]
    public async Task A_write_cancelled_while_still_queued_never_happens()
    {
        await using var harness = await SqliteHarness.StartAsync(_file.ConnectionString, options => options.BusyTimeout = TimeSpan.FromMinutes(1));
        var first = NewGrainId();
        var cancelled = NewGrainId();
        using var cancellation = new CancellationTokenSource();
        Task firstWrite, cancelledWrite;
        using (SqliteFiles.HoldWriteLock(_file.Path))
        {
            firstWrite = harness.Storage.WriteStateAsync("state", first, new GrainState<TestState> { State = TestState.Sample("first") });

            // Once the loop has taken the first write it waits for the lock, and what comes next stays queued.
            await Eventually.Until(() => harness.Database.Loop!.QueuedOperations == 0, "the loop takes the first write");
            cancelledWrite = harness.Storage.WriteStateAsync(
                "state", cancelled, new GrainState<TestState> { State = TestState.Sample("cancelled") }, cancellation.Token);
            await cancellation.CancelAsync();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelledWrite).Within();
        }

        await firstWrite.Within();
        Assert.True((await ReadAsync(harness, first)).RecordExists);
        Assert.False((await ReadAsync(harness, cancelled)).RecordExists);
    }

    [Fact]
    public async Task Stopping_finishes_the_queued_writes_and_later_writes_are_refused_clearly()
    {
        var grains = Enumerable.Range(0, 10).Select(_ => NewGrainId()).ToArray();
        await using (var harness = await SqliteHarness.StartAsync(_file.ConnectionString, options => options.BusyTimeout = TimeSpan.FromMinutes(1)))
        {
            Task[] writes;
            Task stopping;
            using (SqliteFiles.HoldWriteLock(_file.Path))
            {
                writes = grains.Select(grainId =>
                    harness.Storage.WriteStateAsync("state", grainId, new GrainState<TestState> { State = TestState.Sample("queued") })).ToArray();
                stopping = harness.Storage.StopAsync(CancellationToken.None);
            }

            await stopping.Within();
            await Task.WhenAll(writes).Within();
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                harness.Storage.WriteStateAsync("state", NewGrainId(), new GrainState<TestState> { State = new TestState() }));
            Assert.Contains("is not running", refused.Message);
        }

        await using var reopened = await SqliteHarness.StartAsync(_file.ConnectionString);
        foreach (var grainId in grains)
        {
            Assert.Equal(TestState.Sample("queued"), (await ReadAsync(reopened, grainId)).State);
        }
    }

    private static GrainId NewGrainId() => GrainId.Create("sqlite-grain", Guid.NewGuid().ToString("N"));

    private static async Task<GrainState<TestState>> ReadAsync(SqliteHarness harness, GrainId grainId)
    {
        var state = new GrainState<TestState> { State = new TestState() };
        await harness.Storage.ReadStateAsync("state", grainId, state).Within();
        return state;
    }

    private static async Task<Exception?> OutcomeAsync(Task operation)
    {
        try
        {
            await operation;
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
