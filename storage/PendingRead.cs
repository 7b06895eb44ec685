using Orleans.Runtime;

namespace Telephony.Storage;

/// <summary>A grain state read waiting for a batch; its outcome is the stored row (null: none).</summary>
internal sealed class PendingRead(GrainId grainId, string stateName, CancellationToken cancellationToken)
    : PendingOperation<StoredState?>(grainId, stateName, cancellationToken);
