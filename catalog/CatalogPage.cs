namespace Telephony.Catalog;

/// <summary>One page of a list, and where the next one starts.</summary>
/// <param name="Items">The page's entries, in list order.</param>
/// <param name="Next">The position of the page's last entry when more follow it; null on the last page.</param>
public sealed record CatalogPage<T>(IReadOnlyList<T> Items, CatalogPosition? Next);
