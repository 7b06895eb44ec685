using Microsoft.Data.Sqlite;

namespace Telephony.Storage;

/// <summary>Checks and normalizes the connection string of <see cref="SqliteStorageOptions"/>.</summary>
internal static class SqliteConnectionStrings
{
    private const string Setting = nameof(SqliteStorageOptions) + "." + nameof(SqliteStorageOptions.ConnectionString);
    private const string Example = "Set it to a connection string naming the database file, e.g. \"Data Source=data/telephony.db\".";

    /// <summary>How the validator and the start-up name what is being configured.</summary>
    public static string Describe(string name) => name switch
    {
        SqliteReminderTable.OptionsName => "the SQLite reminder table",
        Catalog.SqliteCatalogStore.OptionsName => "the SQLite catalogs",
        _ => $"SQLite grain storage \"{name}\"",
    };

    /// <summary>Null when the options can work; otherwise the start-up error, naming the setting.</summary>
    public static string? FindProblem(SqliteStorageOptions options, string name)
    {
        var prefix = $"Configuration of {Describe(name)} is invalid: ";
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return $"{prefix}{Setting} is missing. {Example}";
        }

        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException e)
        {
            // The message names the bad keyword; the connection string itself is not repeated, it may hold a password.
            return $"{prefix}{Setting} cannot be parsed ({e.Message}). {Example}";
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            return $"{prefix}{Setting} has no Data Source. {Example}";
        }

        // An in-memory database lives as long as one connection, and the storage loop and the reminder table hold
        // different ones: each would see its own empty database, and everything would vanish on restart.
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource.Trim() == ":memory:")
        {
            return $"{prefix}{Setting} names an in-memory database; this store needs a file. {Example}";
        }

        if (options.MaxBatchSize < 1)
        {
            return $"{prefix}{nameof(SqliteStorageOptions)}.{nameof(SqliteStorageOptions.MaxBatchSize)} must be at least 1.";
        }

        // Zero is refused as well: Microsoft.Data.Sqlite takes a command timeout of zero as "wait forever".
        if (options.BusyTimeout <= TimeSpan.Zero || options.BusyTimeout.TotalMilliseconds > int.MaxValue)
        {
            return $"{prefix}{nameof(SqliteStorageOptions)}.{nameof(SqliteStorageOptions.BusyTimeout)} must be more than zero and at most {TimeSpan.FromMilliseconds(int.MaxValue)}.";
        }

        return null;
    }

    /// <summary>
    /// The full path of the database file and the connection string every connection to it uses. Throws the
    /// validator's message when the options cannot work.
    /// </summary>
    public static (string FilePath, string ConnectionString) Normalize(SqliteStorageOptions options, string name)
    {
        if (FindProblem(options, name) is { } problem)
        {
            throw new Orleans.Runtime.OrleansConfigurationException(problem);
        }

        var builder = new SqliteConnectionStringBuilder(options.ConnectionString);
        var path = Path.GetFullPath(builder.DataSource);
        builder.DataSource = path;

        // Every connection is held for a long time (the storage loop's, the reminder table's), so pooling buys nothing,
        // and a pooled handle would keep the file open after the silo let go of it.
        builder.Pooling = false;
        builder.DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds);
        return (path, builder.ToString());
    }
}
