using Microsoft.Extensions.Logging;

namespace Telephony.Storage;

/// <summary>
/// The databases of one silo, one per file: the grain storage providers and the reminder table naming the same file
/// share its schema check and its storage loop, and so its group commit.
/// </summary>
internal sealed class SqliteDatabaseRegistry(TimeProvider time, ILoggerFactory loggerFactory) : IAsyncDisposable, IDisposable
{
    private readonly Dictionary<string, SqliteDatabase> _databases = new(
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    private readonly Lock _lock = new();

    /// <summary>
    /// The database named by <paramref name="options"/>; the first caller for a file decides its connection settings.
    /// Throws the validator's message when the options cannot work.
    /// </summary>
    public SqliteDatabase Get(SqliteStorageOptions options, string name)
    {
        var (filePath, connectionString) = SqliteConnectionStrings.Normalize(options, name);
        lock (_lock)
        {
            if (!_databases.TryGetValue(filePath, out var database))
            {
                database = new SqliteDatabase(filePath, connectionString, options, time, loggerFactory);
                _databases.Add(filePath, database);
            }

            return database;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        SqliteDatabase[] databases;
        lock (_lock)
        {
            databases = [.. _databases.Values];
            _databases.Clear();
        }

        foreach (var database in databases)
        {
            await database.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
