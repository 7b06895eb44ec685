namespace Telephony.Catalog;

/// <summary>What a session list asks of its sessions; an unset field does not filter.</summary>
public sealed record SessionFilter
{
    /// <summary>Only ended (true) or only live (false) sessions.</summary>
    public bool? Ended { get; init; }

    /// <summary>Only sessions on this channel (its name, exactly).</summary>
    public string? Channel { get; init; }

    /// <summary>Only sessions whose from address contains this text, without regard to ASCII case.</summary>
    public string? FromContains { get; init; }

    /// <summary>Only sessions whose to address contains this text, without regard to ASCII case.</summary>
    public string? ToContains { get; init; }

    /// <summary>Only sessions created at or after this time.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Only sessions created before this time.</summary>
    public DateTimeOffset? CreatedBefore { get; init; }

    /// <summary>Whether <paramref name="entry"/> passes every filter.</summary>
    public bool Matches(SessionEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return (Ended is not { } ended || ended == entry.Ended)
            && (Channel is null || string.Equals(Channel, entry.Channel, StringComparison.Ordinal))
            && Contains(entry.FromAddress, FromContains)
            && Contains(entry.ToAddress, ToContains)
            && (CreatedFrom is not { } from || entry.DateCreated >= from)
            && (CreatedBefore is not { } before || entry.DateCreated < before);
    }

    private static bool Contains(string? value, string? part) =>
        string.IsNullOrEmpty(part) || (value is not null && CatalogText.AsciiLower(value).Contains(CatalogText.AsciiLower(part), StringComparison.Ordinal));
}
