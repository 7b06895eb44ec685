using Microsoft.Data.Sqlite;

namespace Telephony.Storage.Tests;

/// <summary>Direct access to a test's database file, beside the providers: to look at rows, or to hold its write lock.</summary>
internal static class SqliteFiles
{
    public static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }

    public static object? Scalar(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public static void Execute(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Takes the file's write lock from another connection, as another process could, until disposed. The storage
    /// loop's next transaction waits for it (up to the busy timeout), and everything queued meanwhile piles up behind.
    /// </summary>
    public static WriteLock HoldWriteLock(string path) => new(path);

    internal sealed class WriteLock : IDisposable
    {
        private readonly SqliteConnection _connection;

        public WriteLock(string path)
        {
            _connection = Open(path);
            using var command = _connection.CreateCommand();
            command.CommandText = "BEGIN IMMEDIATE";
            command.ExecuteNonQuery();
        }

        public void Dispose()
        {
            using (var command = _connection.CreateCommand())
            {
                command.CommandText = "ROLLBACK";
                command.ExecuteNonQuery();
            }

            _connection.Dispose();
        }
    }
}
