using Microsoft.Data.Sqlite;
using Telephony.Runtime.Reminders;
using Telephony.Runtime.Storage;

namespace Telephony.Runtime.Tests;

/// <summary>A SQLite database file in the temp folder, deleted at the end of the test.</summary>
internal sealed class SqliteFile : IAsyncDisposable
{
    private readonly List<SqliteGrainStorage> _storages = [];

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"telephony-test-{Guid.NewGuid():N}.db");

    /// <summary>Opens the file as a fresh process would: new database, storage and reminder table objects.</summary>
    public (SqliteGrainStorage Storage, SqliteReminderTable Reminders) Open(TimeProvider time)
    {
        var database = new SqliteDatabase($"Data Source={Path}");
        var storage = new SqliteGrainStorage(database, time);
        _storages.Add(storage);
        return (storage, new SqliteReminderTable(database));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var storage in _storages)
        {
            await storage.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(Path + suffix);
        }
    }
}
