namespace Telephony.Runtime.Storage;

/// <summary>
/// A store of grain states keyed by (grain type, grain id, state name), with a version column as
/// the ETag and a conditional write.
/// </summary>
public interface IGrainStorage
{
    /// <summary>Creates the schema if needed.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Reads a state; null when nothing was ever stored.</summary>
    ValueTask<GrainStateRecord?> ReadAsync(GrainStateKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="payload"/> if the stored version equals <paramref name="expectedVersion"/>
    /// (null: nothing stored yet), and returns the new version. Throws <see cref="InconsistentStateException"/> otherwise.
    /// A null payload clears the record but keeps advancing its version.
    /// </summary>
    ValueTask<long> WriteAsync(GrainStateKey key, byte[]? payload, long? expectedVersion, CancellationToken cancellationToken);

    /// <summary>True when the store answers; used by readiness checks.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken);
}
