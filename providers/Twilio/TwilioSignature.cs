using System.Buffers;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Web;

namespace Telephony.Providers.Twilio;

/// <summary>Computes and checks Twilio's <c>X-Twilio-Signature</c> request signature (HMAC-SHA1 keyed by the auth token).</summary>
public static class TwilioSignature
{
    /// <summary>The request header that carries the signature.</summary>
    public const string HeaderName = "X-Twilio-Signature";

    /// <summary>The query parameter that carries the hex SHA-256 of a JSON request body.</summary>
    public const string BodyHashParameter = "bodySHA256";

    /// <summary>Base64 characters of a 20-byte HMAC-SHA1.</summary>
    private const int SignatureLength = 28;

    [ThreadStatic]
    private static IncrementalHash? t_hmac;

    [ThreadStatic]
    private static string? t_hmacToken;

    /// <summary>
    /// The signature of a request to <paramref name="url"/> (exactly as requested, query included) carrying
    /// form <paramref name="parameters"/>; a repeated name appears once per value. Pass none for GET and JSON requests.
    /// </summary>
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>>? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(authToken);
        ArgumentNullException.ThrowIfNull(url);
        Span<byte> mac = stackalloc byte[HMACSHA1.HashSizeInBytes];
        ComputeMac(authToken, url, Sort(parameters ?? []), mac);
        return Convert.ToBase64String(mac);
    }

    /// <summary>True when <paramref name="signature"/> signs a form POST to <paramref name="url"/> with <paramref name="parameters"/>.</summary>
    public static bool IsValid(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters, string? signature)
    {
        ArgumentNullException.ThrowIfNull(authToken);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(parameters);
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var sorted = Sort(parameters);
        return Matches(authToken, url, sorted, signature)
            || (WithPortToggled(url) is { } variant && Matches(authToken, variant, sorted, signature));
    }

    /// <summary>True when <paramref name="signature"/> signs a request whose URL alone is signed (GET).</summary>
    public static bool IsValid(string authToken, string url, string? signature) => IsValid(authToken, url, [], signature);

    /// <summary>
    /// True when <paramref name="signature"/> signs <paramref name="url"/> and the URL's <c>bodySHA256</c>
    /// equals the hex SHA-256 of <paramref name="body"/> (JSON requests).
    /// </summary>
    public static bool IsValidJsonBody(string authToken, string url, ReadOnlySpan<byte> body, string? signature)
    {
        ArgumentNullException.ThrowIfNull(url);
        var expectedHash = ReadBodyHash(url);
        if (string.IsNullOrEmpty(expectedHash) || !IsValid(authToken, url, signature))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(ComputeBodyHash(body)),
            Encoding.ASCII.GetBytes(expectedHash));
    }

    /// <summary>The lowercase hex SHA-256 of a request body, as sent in <c>bodySHA256</c>.</summary>
    public static string ComputeBodyHash(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    /// <summary>Names sort ordinally; a repeated name's values sort too, as the Python and Node validators do.</summary>
    private static KeyValuePair<string, string>[] Sort(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var sorted = parameters.ToArray();
        Array.Sort(sorted, ParameterOrder.Instance);
        return sorted;
    }

    /// <summary>Compares the signature as text, as Twilio's validators do, without allocating or leaking timing.</summary>
    private static bool Matches(string authToken, string url, KeyValuePair<string, string>[] sorted, string signature)
    {
        Span<byte> mac = stackalloc byte[HMACSHA1.HashSizeInBytes];
        ComputeMac(authToken, url, sorted, mac);
        Span<char> expected = stackalloc char[SignatureLength];
        Convert.TryToBase64Chars(mac, expected, out _);
        return CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(expected), MemoryMarshal.AsBytes(signature.AsSpan()));
    }

    /// <summary>HMAC-SHA1, keyed by the auth token, of the URL followed by each name and value (UTF-8).</summary>
    private static void ComputeMac(string authToken, string url, KeyValuePair<string, string>[] sorted, Span<byte> mac)
    {
        var length = Encoding.UTF8.GetByteCount(url);
        foreach (var (name, value) in sorted)
        {
            length += Encoding.UTF8.GetByteCount(name) + Encoding.UTF8.GetByteCount(value);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.UTF8.GetBytes(url, buffer);
            foreach (var (name, value) in sorted)
            {
                written += Encoding.UTF8.GetBytes(name, buffer.AsSpan(written));
                written += Encoding.UTF8.GetBytes(value, buffer.AsSpan(written));
            }

            HashWithThreadKey(authToken, buffer.AsSpan(0, written), mac);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }

    /// <summary>
    /// Hashes with this thread's HMAC for <paramref name="authToken"/>, keyed again only when the token changes:
    /// keying a new OpenSSL HMAC for every callback cost more than hashing the callback.
    /// </summary>
    private static void HashWithThreadKey(string authToken, ReadOnlySpan<byte> data, Span<byte> mac)
    {
        if (t_hmac is null || !string.Equals(t_hmacToken, authToken, StringComparison.Ordinal))
        {
            t_hmac?.Dispose();
            // Cleared first, so a token that fails to key leaves no disposed hash cached.
            t_hmac = null;
            t_hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, Encoding.UTF8.GetBytes(authToken));
            t_hmacToken = authToken;
        }

        try
        {
            t_hmac.AppendData(data);
            t_hmac.GetHashAndReset(mac);
        }
        catch
        {
            // Its state is unknown now: the next signature keys a fresh one.
            t_hmac.Dispose();
            t_hmac = null;
            throw;
        }
    }

    private static string? ReadBodyHash(string url)
    {
        var queryStart = url.IndexOf('?', StringComparison.Ordinal);
        if (queryStart < 0)
        {
            return null;
        }

        var fragmentStart = url.IndexOf('#', queryStart);
        var query = fragmentStart < 0 ? url[(queryStart + 1)..] : url[(queryStart + 1)..fragmentStart];
        return HttpUtility.ParseQueryString(query)[BodyHashParameter];
    }

    /// <summary>
    /// The URL with its port removed, or with the scheme's default port added when it has none; null when the URL
    /// cannot be read. Works on the text so that host and user-info case stay exactly as signed.
    /// </summary>
    private static string? WithPortToggled(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return null;
        }

        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }

        var authority = url.AsSpan(authorityStart, authorityEnd - authorityStart);
        var hostStart = authority.LastIndexOf('@') + 1;
        var hostAndPort = authority[hostStart..];
        // The port colon comes after an IPv6 literal's closing bracket.
        var portColon = hostAndPort.LastIndexOf(':');
        if (portColon >= 0 && portColon > hostAndPort.LastIndexOf(']'))
        {
            var portStart = authorityStart + hostStart + portColon;
            return string.Concat(url.AsSpan(0, portStart), url.AsSpan(authorityEnd));
        }

        var scheme = url.AsSpan(0, schemeEnd);
        var defaultPort = scheme.Equals("https", StringComparison.OrdinalIgnoreCase) ? ":443"
            : scheme.Equals("http", StringComparison.OrdinalIgnoreCase) ? ":80"
            : null;
        return defaultPort is null ? null : string.Concat(url.AsSpan(0, authorityEnd), defaultPort, url.AsSpan(authorityEnd));
    }
}
