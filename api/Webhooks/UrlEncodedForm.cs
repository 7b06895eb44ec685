using System.Buffers;
using System.Text;

namespace Telephony.Api.Webhooks;

/// <summary>
/// Decodes an <c>application/x-www-form-urlencoded</c> body into its name/value pairs in the order sent:
/// <c>+</c> is a space, <c>%XX</c> a UTF-8 byte, and an escape that is not one stays as written.
/// </summary>
internal static class UrlEncodedForm
{
    /// <summary>Every pair of <paramref name="body"/>; a name without <c>=</c> has an empty value, empty pairs are skipped.</summary>
    public static List<KeyValuePair<string, string>> Parse(ReadOnlySpan<byte> body)
    {
        var pairs = new List<KeyValuePair<string, string>>(16);
        while (!body.IsEmpty)
        {
            var end = body.IndexOf((byte)'&');
            var pair = end < 0 ? body : body[..end];
            body = end < 0 ? [] : body[(end + 1)..];
            if (pair.IsEmpty)
            {
                continue;
            }

            var equals = pair.IndexOf((byte)'=');
            pairs.Add(equals < 0
                ? new(Decode(pair), string.Empty)
                : new(Decode(pair[..equals]), Decode(pair[(equals + 1)..])));
        }

        return pairs;
    }

    private static string Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.IndexOfAny((byte)'%', (byte)'+') < 0)
        {
            return Encoding.UTF8.GetString(encoded);
        }

        // Decoding only ever shortens the text.
        var decoded = ArrayPool<byte>.Shared.Rent(encoded.Length);
        try
        {
            var length = 0;
            for (var i = 0; i < encoded.Length; i++)
            {
                var b = encoded[i];
                if (b == (byte)'+')
                {
                    b = (byte)' ';
                }
                else if (b == (byte)'%' && TryReadEscape(encoded[(i + 1)..], out var escaped))
                {
                    b = escaped;
                    i += 2;
                }

                decoded[length++] = b;
            }

            return Encoding.UTF8.GetString(decoded, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(decoded);
        }
    }

    /// <summary>The byte that the two hex digits starting <paramref name="digits"/> stand for.</summary>
    private static bool TryReadEscape(ReadOnlySpan<byte> digits, out byte value)
    {
        var high = digits.Length >= 2 ? HexValue(digits[0]) : -1;
        var low = digits.Length >= 2 ? HexValue(digits[1]) : -1;
        value = (byte)((high << 4) | low);
        return high >= 0 && low >= 0;
    }

    private static int HexValue(byte digit) => digit switch
    {
        >= (byte)'0' and <= (byte)'9' => digit - '0',
        >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => digit - 'A' + 10,
        _ => -1,
    };
}
