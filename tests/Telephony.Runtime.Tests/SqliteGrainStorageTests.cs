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

    private static async Task Execute(SqliteFile file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file.Path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
