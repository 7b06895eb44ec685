namespace Telephony.Catalog;

/// <summary>Which page of a list to read.</summary>
/// <param name="Size">Entries on the page, at least 1.</param>
/// <param name="After">Start right after this position (from a continuation token); costs in proportion to the page.</param>
/// <param name="Skip">Start after this many entries (numbered pages); costs a pass over those skipped.</param>
public sealed record PageRequest(int Size, CatalogPosition? After = null, int Skip = 0)
{
    /// <summary>Throws for a page that cannot be read.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Size, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(Skip);
    }
}
