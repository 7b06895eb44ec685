namespace Telephony.Storage;

/// <summary>
/// What a queued write or clear found. Committed: <see cref="Version"/> is the row's new version (null when a clear
/// found nothing to clear). Refused: <see cref="Stored"/> is the version the row has (null: no row).
/// </summary>
internal readonly record struct WriteOutcome(bool Committed, long? Version, long? Stored)
{
    public static WriteOutcome Success(long? version) => new(true, version, null);

    public static WriteOutcome Conflict(long? stored) => new(false, null, stored);
}
