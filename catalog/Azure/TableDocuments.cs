using Azure.Data.Tables;

namespace Telephony.Catalog.Azure;

/// <summary>
/// A catalog entry's document on a table entity: Azure Table storage takes at most 64 KB in one binary property, so a
/// longer document is split over <c>Document0</c>, <c>Document1</c>, … (an entity holds up to 1 MB in all).
/// </summary>
internal static class TableDocuments
{
    /// <summary>Largest binary property Azure Table storage accepts.</summary>
    public const int MaxPropertyBytes = 64 * 1024;

    private const string Prefix = "Document";

    /// <summary>Puts <paramref name="document"/> on <paramref name="entity"/>.</summary>
    public static void Write(TableEntity entity, byte[] document)
    {
        for (var (offset, part) = (0, 0); offset < document.Length || part == 0; offset += MaxPropertyBytes, part++)
        {
            entity[Prefix + part] = document.AsSpan(offset, Math.Min(MaxPropertyBytes, document.Length - offset)).ToArray();
        }
    }

    /// <summary>The document on <paramref name="entity"/>, its parts joined.</summary>
    public static byte[] Read(TableEntity entity)
    {
        var parts = new List<byte[]>();
        for (var part = 0; entity.GetBinary(Prefix + part) is { } bytes; part++)
        {
            parts.Add(bytes);
        }

        return [.. parts.SelectMany(p => p)];
    }
}
