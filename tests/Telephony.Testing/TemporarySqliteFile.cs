using Microsoft.Data.Sqlite;

namespace Telephony.Testing;

/// <summary>A SQLite store in a new temporary file, deleted (with its WAL files) when disposed; clusters started on it share it.</summary>
public sealed class TemporarySqliteFile : IDisposable
{
    /// <summary>Names a new file; nothing is created until a silo opens it.</summary>
    public TemporarySqliteFile() => Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"telephony-test-{Guid.NewGuid():N}.db");

    /// <summary>The file's path.</summary>
    public string Path { get; }

    /// <summary>The ADO.NET connection string naming the file.</summary>
    public string ConnectionString => $"Data Source={Path}";

    /// <summary>The <c>Telephony:Storage</c> settings that put a silo's grain state and reminders in this file.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Telephony:Storage:Provider"] = "Sqlite",
        ["Telephony:Storage:ConnectionString"] = ConnectionString,
    };

    /// <inheritdoc />
    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm", Path + "-journal" })
        {
            File.Delete(file);
        }
    }
}
