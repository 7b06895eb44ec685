namespace Telephony.Testing;

/// <summary>The folder of this repository's checkout (the one holding <c>Telephony.sln</c>), found above the test's binaries.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Found = new(Find);

    /// <summary>The repository's full path; throws when no folder above the binaries holds <c>Telephony.sln</c>.</summary>
    public static string Path => Found.Value;

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Telephony.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Telephony.sln.");
    }
}
