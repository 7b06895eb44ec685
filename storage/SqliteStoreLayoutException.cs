namespace Telephony.Storage;

/// <summary>The database file exists but is not one this version can use; start-up stops instead of starting empty.</summary>
public sealed class SqliteStoreLayoutException : Exception
{
    /// <summary>Creates the error for <paramref name="filePath"/>.</summary>
    public SqliteStoreLayoutException(string filePath, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        FilePath = filePath;
    }

    /// <summary>Full path of the refused file.</summary>
    public string FilePath { get; }
}
