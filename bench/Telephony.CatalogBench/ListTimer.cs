using System.Diagnostics;
using System.Globalization;
using Telephony.Catalog;

/// <summary>Times list reads: the median of 20 reads after a first one, and where the hundredth page starts.</summary>
internal static class ListTimer
{
    /// <summary>The median time of <paramref name="read"/> and how many entries it found.</summary>
    public static async Task<string> TimeAsync(Func<Task<int>> read)
    {
        var found = await read();
        var times = new List<double>();
        for (var run = 0; run < 20; run++)
        {
            var at = Stopwatch.GetTimestamp();
            await read();
            times.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
        }

        times.Sort();
        return string.Create(CultureInfo.InvariantCulture, $"{times[10]:F2} ms ({found} entries)");
    }

    /// <summary>The continuation position the hundredth page starts after, following 99 pages of <paramref name="page"/>.</summary>
    public static async Task<CatalogPosition?> HundredthPageStartAsync<T>(Func<CatalogPosition?, Task<CatalogPage<T>>> page)
    {
        CatalogPosition? after = null;
        for (var n = 0; n < 99; n++)
        {
            after = (await page(after)).Next;
        }

        return after;
    }
}
