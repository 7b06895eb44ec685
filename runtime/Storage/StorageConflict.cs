namespace Telephony.Runtime.Storage;

/// <summary>Builds the exception every storage provider throws for a stale or duplicate write.</summary>
public static class StorageConflict
{
    /// <summary>
    /// The error for a write of <paramref name="key"/> expecting <paramref name="expected"/> (null: nothing stored)
    /// when the store holds <paramref name="stored"/> (null: unknown to the caller).
    /// </summary>
    public static InconsistentStateException Create(GrainStateKey key, long? expected, string? stored)
    {
        var expectedText = expected?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Diagnostics.RuntimeMetrics.StorageConflicts.Add(1);
        return new InconsistentStateException(
            $"Stale write of {key}: it expected {(expectedText is null ? "no stored record" : "version " + expectedText)}, but storage holds {stored ?? "another version"}.",
            stored,
            expectedText);
    }
}
