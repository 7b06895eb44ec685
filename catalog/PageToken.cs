using System.Buffers.Binary;
using System.Text;

namespace Telephony.Catalog;

/// <summary>
/// A list position as an opaque continuation token: base64url of a format byte, the ticks and the id. Opaque so clients
/// only hand it back; anything that does not decode is refused rather than guessed at.
/// </summary>
public static class PageToken
{
    private const byte Format = 1;
    private const int MaxIdBytes = 256;

    /// <summary>The token for a page starting after <paramref name="position"/>.</summary>
    public static string Encode(CatalogPosition position)
    {
        var id = Encoding.UTF8.GetBytes(position.Id);
        var bytes = new byte[1 + sizeof(long) + id.Length];
        bytes[0] = Format;
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(1), position.Ticks);
        id.CopyTo(bytes.AsSpan(1 + sizeof(long)));
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Reads a token made by <see cref="Encode"/>; false for anything else.</summary>
    public static bool TryDecode(string? token, out CatalogPosition position)
    {
        position = default;
        if (string.IsNullOrEmpty(token) || token.Length > 4 * (1 + sizeof(long) + MaxIdBytes) / 3 + 4)
        {
            return false;
        }

        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - base64.Length % 4) % 4);
        var bytes = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, bytes, out var length) || length <= 1 + sizeof(long) || bytes[0] != Format)
        {
            return false;
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(1));
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        string id;
        try
        {
            id = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 1 + sizeof(long), length - 1 - sizeof(long));
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        // Canonical form only: one position has exactly one token.
        if (Encode(new CatalogPosition(ticks, id)) != token)
        {
            return false;
        }

        position = new CatalogPosition(ticks, id);
        return true;
    }
}
