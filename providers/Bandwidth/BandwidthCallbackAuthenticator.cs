using System.Security.Cryptography;
using System.Text;

namespace Telephony.Providers.Bandwidth;

/// <summary>
/// Checks the HTTP Basic credentials Bandwidth sends on callbacks (it signs nothing; these are the
/// credentials we gave it on createCall, updateCall and BXML verbs).
/// </summary>
public static class BandwidthCallbackAuthenticator
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The user name in an <c>Authorization: Basic …</c> header, to find the account; null when the header is missing or garbled.</summary>
    public static string? ReadUsername(string? authorizationHeader) =>
        TryReadCredentials(authorizationHeader, out var username, out _) ? username : null;

    /// <summary>True when the header carries exactly the account's callback user name and password.</summary>
    public static bool IsValid(string? authorizationHeader, BandwidthSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!TryReadCredentials(authorizationHeader, out var username, out var password))
        {
            return false;
        }

        // Both compared every time, so the timing does not tell which one was wrong.
        var usernameMatches = FixedTimeEquals(username, settings.CallbackUsername);
        var passwordMatches = FixedTimeEquals(password, settings.CallbackPassword);
        return usernameMatches & passwordMatches;
    }

    private static bool TryReadCredentials(string? header, out string username, out string password)
    {
        username = password = string.Empty;
        const string scheme = "Basic ";
        if (header is null || !header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var encoded = header.AsSpan(scheme.Length).Trim();
        var decoded = new byte[encoded.Length];
        if (!Convert.TryFromBase64Chars(encoded, decoded, out var length))
        {
            return false;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(decoded, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        username = text[..colon];
        password = text[(colon + 1)..];
        return true;
    }

    // Hashing first makes the comparison constant-time regardless of the lengths involved.
    private static bool FixedTimeEquals(string actual, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(actual)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
