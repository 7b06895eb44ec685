using System.Globalization;

namespace Telephony.Providers.Twilio;

/// <summary>Reads RFC 2822 dates such as <c>Thu, 1 Jun 2017 20:48:32 +0000</c> (Twilio's <c>Timestamp</c>).</summary>
internal static class Rfc2822Date
{
    private static readonly string[] DateTimeFormats =
    [
        "ddd, d MMM yyyy HH:mm:ss",
        "d MMM yyyy HH:mm:ss",
        "ddd, d MMM yyyy HH:mm",
        "d MMM yyyy HH:mm",
    ];

    /// <summary>Parses <paramref name="text"/>; false when it is not an RFC 2822 date with a numeric or UTC zone.</summary>
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        var trimmed = text.AsSpan().Trim();
        var zoneStart = trimmed.LastIndexOf(' ');
        if (zoneStart < 0
            || !TryParseZone(trimmed[(zoneStart + 1)..], out var offset)
            || !DateTime.TryParseExact(trimmed[..zoneStart], DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        value = new DateTimeOffset(local, offset);
        return true;
    }

    private static bool TryParseZone(ReadOnlySpan<char> zone, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (zone is "GMT" or "UT" or "UTC" or "Z")
        {
            return true;
        }

        if (zone.Length != 5
            || zone[0] is not ('+' or '-')
            || !int.TryParse(zone[1..3], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(zone[3..], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || hours > 14
            || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (zone[0] == '-')
        {
            offset = offset.Negate();
        }

        return offset.Duration() <= TimeSpan.FromHours(14);
    }
}
