namespace Telephony.Runtime;

/// <summary>A grain's durable state with optimistic concurrency through an ETag, as in Orleans.</summary>
public interface IPersistentState<TState>
{
    /// <summary>The current value; a new default instance when nothing is stored.</summary>
    TState State { get; set; }

    /// <summary>The stored version this activation last read or wrote; null when never stored.</summary>
    string? Etag { get; }

    /// <summary>True when storage holds a value (false after a clear).</summary>
    bool RecordExists { get; }

    /// <summary>Reloads the state from storage.</summary>
    Task ReadStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes the state if the stored ETag still equals <see cref="Etag"/>; otherwise throws <see cref="InconsistentStateException"/>.</summary>
    Task WriteStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes the stored value (keeping a newer ETag) and resets <see cref="State"/>.</summary>
    Task ClearStateAsync(CancellationToken cancellationToken = default);
}
