using System.Globalization;
using System.Text;

namespace Telephony.Catalog.Azure;

/// <summary>
/// Partition and row keys of the catalog tables. A row key is the entry's creation time inverted (so ascending keys
/// run newest first) in 19 fixed digits, then its id; key text escapes what Azure Table keys may not hold and the
/// separators of our own keys as <c>%XX</c>.
/// </summary>
internal static class TableKeys
{
    private const int TicksDigits = 19;
    private static readonly long MaxTicks = DateTimeOffset.MaxValue.UtcTicks;

    /// <summary>The row key of an entry at <paramref name="position"/>.</summary>
    public static string Row(CatalogPosition position) => Inverted(position.Ticks) + Escape(position.Id);

    /// <summary>The row key before every entry made at or before <paramref name="ticks"/>: a row key range's start.</summary>
    public static string TimePrefix(long ticks) => Inverted(ticks);

    /// <summary>The position a row key names.</summary>
    public static CatalogPosition Position(string rowKey) =>
        new(MaxTicks - long.Parse(rowKey.AsSpan(0, TicksDigits), NumberStyles.None, CultureInfo.InvariantCulture), Unescape(rowKey[TicksDigits..]));

    /// <summary>A partition key made of <paramref name="kind"/> and escaped parts, joined by <c>|</c>.</summary>
    public static string Partition(string kind, params string[] parts) => string.Join('|', parts.Select(Escape).Prepend(kind));

    private static string Inverted(long ticks) => (MaxTicks - Math.Clamp(ticks, 0, MaxTicks)).ToString("D19", CultureInfo.InvariantCulture);

    private static string Escape(string text)
    {
        if (!text.Any(NeedsEscape))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (NeedsEscape(c))
            {
                escaped.Append(CultureInfo.InvariantCulture, $"%{(int)c:X2}");
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    private static string Unescape(string text)
    {
        if (!text.Contains('%', StringComparison.Ordinal))
        {
            return text;
        }

        var plain = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && int.TryParse(text.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                plain.Append((char)code);
                i += 2;
            }
            else
            {
                plain.Append(text[i]);
            }
        }

        return plain.ToString();
    }

    // Azure refuses '/', '\', '#', '?' and control characters in keys; '|' and '%' are ours.
    private static bool NeedsEscape(char c) => c is '/' or '\\' or '#' or '?' or '|' or '%' || char.IsControl(c);
}
