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

    private static async Task Execute(SqliteFile file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file.Path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
