namespace Telephony.Catalog;

/// <summary>
/// A place in a catalog list, whose order is newest first and, among entries made in the same tick, by id (ordinal):
/// unique and stable, so a page that starts after a position neither repeats nor skips an entry.
/// </summary>
/// <param name="Ticks">The entry's creation time in UTC ticks.</param>
/// <param name="Id">The entry's id.</param>
public readonly record struct CatalogPosition(long Ticks, string Id) : IComparable<CatalogPosition>
{
    /// <summary>Negative when this position comes first in list order.</summary>
    public int CompareTo(CatalogPosition other)
    {
        var byTime = other.Ticks.CompareTo(Ticks);
        return byTime != 0 ? byTime : string.CompareOrdinal(Id, other.Id);
    }
}
