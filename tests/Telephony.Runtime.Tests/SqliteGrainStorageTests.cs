using System.Text;
using Microsoft.Data.Sqlite;
using Telephony.Runtime.Storage;
using Telephony.Testing;

namespace Telephony.Runtime.Tests;

public sealed class SqliteGrainStorageTests
{
    private static readonly GrainStateKey Key = new("Counter", "c", "counter");

    [Fact]
    public async Task A_batch_that_cannot_commit_fails_its_writers_and_later_writes_still_go_through()
    {
        await using var file = new SqliteFile();
        var storage = file.Open(new ManualTimeProvider()).Storage;
        await storage.InitializeAsync(CancellationToken.None);
        await storage.WriteAsync(Key, "1"u8.ToArray(), null, CancellationToken.None);

        await Execute(file, "ALTER TABLE grain_state RENAME TO grain_state_away");
        var failed = await Assert.ThrowsAsync<SqliteException>(async () => await storage.WriteAsync(Key, "2"u8.ToArray(), 1, CancellationToken.None));
        await Execute(file, "ALTER TABLE grain_state_away RENAME TO grain_state");

        Assert.Contains("grain_state", failed.Message);
        Assert.Equal(2, await storage.WriteAsync(Key, "3"u8.ToArray(), 1, CancellationToken.None));
        Assert.Equal("3"u8.ToArray(), (await storage.ReadAsync(Key, CancellationToken.None))!.Payload);
    }

    [Fact]
    public async Task Reads_answered_together_each_return_their_own_grains_record()
    {
        await using var file = new SqliteFile();
        var storage = file.Open(new ManualTimeProvider()).Storage;
        await storage.InitializeAsync(CancellationToken.None);
        var keys = Enumerable.Range(0, 300).Select(i => Key with { GrainId = $"c{i}" }).ToArray();
        // Every third grain is never written, every other written grain is written twice: versions 1 and 2 both occur.
        await Task.WhenAll(keys.Where((_, i) => i % 3 != 0).Select(async (key, i) =>
        {
            var version = await storage.WriteAsync(key, Encoding.UTF8.GetBytes($"{key.GrainId} v1"), null, CancellationToken.None);
            if (i % 2 == 0)
            {
                await storage.WriteAsync(key, Encoding.UTF8.GetBytes($"{key.GrainId} v2"), version, CancellationToken.None);
            }
        }));

        var records = await Task.WhenAll(keys.Select(key => storage.ReadAsync(key, CancellationToken.None).AsTask()));

        for (var i = 0; i < keys.Length; i++)
        {
            if (i % 3 == 0)
            {
                Assert.Null(records[i]);
                continue;
            }

            var record = records[i]!;
            Assert.Equal($"{keys[i].GrainId} v{record.Version}", Encoding.UTF8.GetString(record.Payload!));
        }

        Assert.Contains(records, r => r?.Version == 2);
        Assert.Contains(records, r => r?.Version == 1);
    }

    [Fact]
    public async Task A_read_that_cannot_run_fails_its_caller_and_later_reads_and_writes_still_go_through()
    {
        await using var file = new SqliteFile();
        var storage = file.Open(new ManualTimeProvider()).Storage;
        await storage.InitializeAsync(CancellationToken.None);
        await storage.WriteAsync(Key, "1"u8.ToArray(), null, CancellationToken.None);

        await Execute(file, "ALTER TABLE grain_state RENAME TO grain_state_away");
        var failed = await Assert.ThrowsAsync<SqliteException>(async () => await storage.ReadAsync(Key, CancellationToken.None));
        await Execute(file, "ALTER TABLE grain_state_away RENAME TO grain_state");

        Assert.Contains("grain_state", failed.Message);
        Assert.Equal("1"u8.ToArray(), (await storage.ReadAsync(Key, CancellationToken.None))!.Payload);
        Assert.Equal(2, await storage.WriteAsync(Key, "2"u8.ToArray(), 1, CancellationToken.None));
    }

    [Fact]
    public async Task A_read_issued_after_a_write_completed_sees_it_even_while_other_writes_are_queued()
    {
        await using var file = new SqliteFile();
        var storage = file.Open(new ManualTimeProvider()).Storage;
        await storage.InitializeAsync(CancellationToken.None);
        var others = Enumerable.Range(0, 50).Select(i => Key with { GrainId = $"other{i}" }).ToArray();

        long? version = null;
        for (var round = 0; round < 20; round++)
        {
            version = await storage.WriteAsync(Key, Encoding.UTF8.GetBytes($"round {round}"), version, CancellationToken.None);
            var noise = others.Select(k => storage.WriteAsync(k with { StateName = $"s{round}" }, [1], null, CancellationToken.None).AsTask()).ToArray();
            var read = await storage.ReadAsync(Key, CancellationToken.None);
            await Task.WhenAll(noise);

            Assert.Equal(version, read!.Version);
            Assert.Equal($"round {round}", Encoding.UTF8.GetString(read.Payload!));
        }
    }

    [Fact]
    public async Task Reading_before_initialization_is_refused()
    {
        await using var file = new SqliteFile();
        var storage = file.Open(new ManualTimeProvider()).Storage;

        Assert.Throws<InvalidOperationException>(() => storage.ReadAsync(Key, CancellationToken.None));
    }

    [Fact]
    public async Task Disposing_answers_reads_and_writes_already_queued()
    {
        await using var file = new SqliteFile();
        var storage = file.Open(new ManualTimeProvider()).Storage;
        await storage.InitializeAsync(CancellationToken.None);
        await storage.WriteAsync(Key, "1"u8.ToArray(), null, CancellationToken.None);

        var read = storage.ReadAsync(Key, CancellationToken.None).AsTask();
        var write = storage.WriteAsync(Key with { GrainId = "d" }, "d"u8.ToArray(), null, CancellationToken.None).AsTask();
        await storage.DisposeAsync();

        Assert.Equal(1, (await read)!.Version);
        Assert.Equal(1, await write);
        Assert.Throws<ObjectDisposedException>(() => storage.ReadAsync(Key, CancellationToken.None));
    }

    [Fact]
    public async Task Payloads_with_nul_bytes_under_non_ascii_keys_and_null_or_empty_payloads_round_trip_exactly()
    {
        await using var file = new SqliteFile();
        var storage = file.Open(new ManualTimeProvider()).Storage;
        await storage.InitializeAsync(CancellationToken.None);
        var key = new GrainStateKey("Zoë", "Zoë:☎", "état");
        byte[] payload = [0, 1, 0, 0xFF, (byte)'a', 0];

        Assert.Equal(1, await storage.WriteAsync(key, payload, null, CancellationToken.None));
        Assert.Equal(1, await storage.WriteAsync(key with { GrainId = "Zoe:☎" }, null, null, CancellationToken.None));
        Assert.Equal(1, await storage.WriteAsync(key with { GrainId = "" }, [], null, CancellationToken.None));

        Assert.Equal(payload, (await storage.ReadAsync(key, CancellationToken.None))!.Payload);
        Assert.Null((await storage.ReadAsync(key with { GrainId = "Zoe:☎" }, CancellationToken.None))!.Payload);
        var empty = (await storage.ReadAsync(key with { GrainId = "" }, CancellationToken.None))!.Payload;
        Assert.NotNull(empty);
        Assert.Empty(empty);
        Assert.Null(await storage.ReadAsync(key with { StateName = "etat" }, CancellationToken.None));
        // Keys are stored as UTF-8 text, as any other reader of the file would look them up.
        Assert.Equal(3L, await Query(file, "SELECT count(*) FROM grain_state WHERE typeof(grain_id) = 'text' AND grain_id IN ('Zoë:☎', 'Zoe:☎', '')"));
    }

    [Fact]
    public async Task A_batch_failing_midway_keeps_none_of_its_writes_and_the_session_runs_the_next_batch()
    {
        await using var file = new SqliteFile();
        var database = new SqliteDatabase($"Data Source={file.Path}");
        await database.InitializeAsync(CancellationToken.None);
        await Execute(file, "CREATE TRIGGER refuse BEFORE INSERT ON grain_state WHEN NEW.grain_id = 'refused' BEGIN SELECT RAISE(ABORT, 'refused by test'); END");
        var existing = Key with { GrainId = "existing" };
        var later = Key with { GrainId = "later" };
        using var session = await SqliteStorageSession.OpenAsync(database, CancellationToken.None);
        Assert.Equal(new long?[] { 1 }, session.Commit([new PendingWrite(existing, "1"u8.ToArray(), null)], 0));

        var failed = Assert.Throws<SqliteException>(() => session.Commit(
            [new PendingWrite(existing, "2"u8.ToArray(), 1), new PendingWrite(Key with { GrainId = "refused" }, [1], null), new PendingWrite(later, [1], null)],
            0));

        Assert.Contains("refused by test", failed.Message);
        var kept = session.Read(existing)!;
        Assert.Equal(1, kept.Version);
        Assert.Equal("1"u8.ToArray(), kept.Payload);
        Assert.Null(session.Read(later));
        Assert.Equal("existing 1", await Query(file, "SELECT group_concat(grain_id || ' ' || version) FROM grain_state"));
        Assert.Equal(new long?[] { 2, 1 }, session.Commit([new PendingWrite(existing, "2"u8.ToArray(), 1), new PendingWrite(later, [1], null)], 0));
        Assert.Equal("2"u8.ToArray(), session.Read(existing)!.Payload);
    }

    [Fact]
    public async Task A_write_waits_for_another_connections_write_lock_instead_of_failing()
    {
        await using var file = new SqliteFile();
        var storage = file.Open(new ManualTimeProvider()).Storage;
        await storage.InitializeAsync(CancellationToken.None);
        await using var other = new SqliteConnection($"Data Source={file.Path};Pooling=False");
        await other.OpenAsync();
        await using var begin = other.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        await begin.ExecuteNonQueryAsync();

        // Passes however the write and the release interleave: the pause only gives the write the chance
        // to meet the held lock, where failing at once instead of waiting would fail this test.
        var write = storage.WriteAsync(Key, "1"u8.ToArray(), null, CancellationToken.None).AsTask();
        await Task.WhenAny(write, Task.Delay(100));
        await using var commit = other.CreateCommand();
        commit.CommandText = "COMMIT";
        await commit.ExecuteNonQueryAsync();

        Assert.Equal(1, await write);
    }

    private static async Task<object?> Query(SqliteFile file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file.Path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static async Task Execute(SqliteFile file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file.Path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
