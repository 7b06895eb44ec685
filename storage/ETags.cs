using System.Globalization;

namespace Telephony.Storage;

/// <summary>An ETag is a row's integer version written in decimal.</summary>
internal static class ETags
{
    /// <summary>What a caller's ETag becomes when it cannot be a version of ours (another provider's, garbled): it matches no row.</summary>
    public const long Unmatchable = -1;

    public static string Format(long version) => version.ToString(CultureInfo.InvariantCulture);

    public static string? Format(long? version) => version is { } v ? Format(v) : null;

    /// <summary>The version a caller expects: null for "nothing stored", <see cref="Unmatchable"/> for a foreign ETag.</summary>
    public static long? Parse(string? etag) =>
        etag is null ? null
        : long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0 ? version
        : Unmatchable;
}
