using System.Security.Cryptography;

namespace Telephony.Api.Security;

/// <summary><c>dotnet run --project api -- keys new</c>: prints a new random API key and the SHA-256 to configure instead of it.</summary>
public static class ApiKeyCommand
{
    /// <summary>Runs the command when <paramref name="args"/> name it; false when they name something else (start the service).</summary>
    public static bool TryRun(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        if (args is not ["keys", "new"])
        {
            return false;
        }

        var key = NewKey();
        output.WriteLine($"key:       {key}");
        output.WriteLine($"KeySha256: {ApiKeyHash.Of(key)}");
        output.WriteLine("Give the key to its user once; configure only its hash, as Telephony:Accounts:N:ApiKeys:M:KeySha256.");
        return true;
    }

    /// <summary>256 random bits, URL-safe base64 (43 characters) after a prefix that tells what the token is.</summary>
    public static string NewKey() => "tk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
