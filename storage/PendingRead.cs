using Orleans.Runtime;

namespace Telephony.Storage;

/// <summary>A grain state read waiting for a batch; its outcome is the stored row (null: none).</summary>
internal sealed class PendingRead(GrainId grainId, string stateName, CancellationToken cancellationToken)
    : PendingOperation<StoredState?>(cancellationToken)
{
    /// <summary>The grain; stored as its <c>type/key</c> text.</summary>
    public GrainId GrainId { get; } = grainId;

    /// <summary>The state's name.</summary>
    public string StateName { get; } = stateName;
}
