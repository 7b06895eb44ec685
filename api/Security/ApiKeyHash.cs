using System.Security.Cryptography;
using System.Text;

namespace Telephony.Api.Security;

/// <summary>The SHA-256 of an API key, as configuration holds it instead of the key: 64 lowercase hex digits.</summary>
public static class ApiKeyHash
{
    /// <summary>The hash of <paramref name="key"/>'s UTF-8 text.</summary>
    public static string Of(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>True when <paramref name="value"/> has the shape of a hash (64 hex digits, either case).</summary>
    public static bool IsHash(string? value) => value is { Length: 64 } && value.All(char.IsAsciiHexDigit);
}
