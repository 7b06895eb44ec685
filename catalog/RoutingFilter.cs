namespace Telephony.Catalog;

/// <summary>What a routing list asks of its entries; an unset field does not filter.</summary>
public sealed record RoutingFilter
{
    /// <summary>Only entries in this status (see <see cref="RoutingEntry.Status"/>; its text, exactly).</summary>
    public string? Status { get; init; }

    /// <summary>Only entries of this group (see <see cref="RoutingEntry.GroupSid"/>).</summary>
    public string? GroupSid { get; init; }

    /// <summary>Whether <paramref name="entry"/> passes every filter.</summary>
    public bool Matches(RoutingEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return (Status is null || string.Equals(Status, entry.Status, StringComparison.Ordinal))
            && (GroupSid is null || string.Equals(GroupSid, entry.GroupSid, StringComparison.Ordinal));
    }
}
