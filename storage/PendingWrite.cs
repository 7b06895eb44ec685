using Orleans.Runtime;

namespace Telephony.Storage;

/// <summary>
/// A grain state write or clear waiting for a batch; its outcome comes only after the transaction that holds it has
/// committed.
/// </summary>
internal sealed class PendingWrite(GrainId grainId, string stateName, ReadOnlyMemory<byte>? payload, long? expectedVersion, CancellationToken cancellationToken)
    : PendingOperation<WriteOutcome>(grainId, stateName, cancellationToken)
{
    /// <summary>The serialized state; null for a clear, which leaves a tombstone.</summary>
    public ReadOnlyMemory<byte>? Payload { get; } = payload;

    /// <summary>The version the row must have (null: there must be no row).</summary>
    public long? ExpectedVersion { get; } = expectedVersion;
}
