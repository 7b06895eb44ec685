namespace Telephony.Catalog.Memory;

/// <summary>Reads a page from positions kept in list order, as every memory catalog does.</summary>
internal static class MemoryPages
{
    /// <summary>
    /// The page of <paramref name="list"/> that starts after the page's token (or at <paramref name="start"/>, whichever
    /// comes later), reading entries through <paramref name="entry"/> until one fails <paramref name="inRange"/>, keeping
    /// those that pass <paramref name="passes"/>.
    /// </summary>
    public static CatalogPage<T> Read<T>(
        SortedSet<CatalogPosition>? list,
        Func<string, T> entry,
        PageRequest page,
        CatalogPosition? start,
        Func<T, bool> inRange,
        Func<T, bool> passes,
        Func<T, CatalogPosition> position)
    {
        if (list is null || list.Count == 0)
        {
            return new CatalogPage<T>([], null);
        }

        var from = page.After is { } token && start is { } earliest ? (token.CompareTo(earliest) > 0 ? token : earliest) : page.After ?? start;
        IEnumerable<CatalogPosition> positions = from switch
        {
            null => list,
            { } after when after.CompareTo(list.Max) < 0 => list.GetViewBetween(after, list.Max).Where(p => p != after),
            _ => [],
        };
        var matching = positions.Select(p => entry(p.Id)).TakeWhile(inRange).Where(passes).Skip(page.Skip).Take(page.Size + 1).ToList();
        var more = matching.Count > page.Size;
        if (more)
        {
            matching.RemoveAt(page.Size);
        }

        return new CatalogPage<T>(matching, more ? position(matching[^1]) : null);
    }
}
