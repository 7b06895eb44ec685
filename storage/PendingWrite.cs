using Orleans.Runtime;

namespace Telephony.Storage;

/// <summary>A grain state write or clear waiting for a batch.</summary>
internal sealed class PendingWrite(GrainId grainId, string stateName, ReadOnlyMemory<byte>? payload, long? expectedVersion, CancellationToken cancellationToken)
    : PendingCommit(cancellationToken)
{
    /// <summary>The grain; stored as its <c>type/key</c> text.</summary>
    public GrainId GrainId { get; } = grainId;

    /// <summary>The state's name.</summary>
    public string StateName { get; } = stateName;

    /// <summary>The serialized state; null for a clear, which leaves a tombstone.</summary>
    public ReadOnlyMemory<byte>? Payload { get; } = payload;

    /// <summary>The version the row must have (null: there must be no row).</summary>
    public long? ExpectedVersion { get; } = expectedVersion;

    /// <inheritdoc />
    public override int PayloadBytes => Payload?.Length ?? 0;

    /// <inheritdoc />
    public override WriteOutcome Apply(SqliteStorageSession session, long updatedAt) => session.Apply(this, updatedAt);
}
