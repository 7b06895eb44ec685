using Telephony.Runtime.Diagnostics;

namespace Telephony.Runtime.Storage;

/// <summary>A grain state read waiting for the SQLite storage loop, and the completion its caller awaits.</summary>
internal sealed class PendingRead(GrainStateKey key) : PendingOperation(key)
{
    public TaskCompletionSource<GrainStateRecord?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Hands the caller what is stored (null: nothing).</summary>
    public void Complete(GrainStateRecord? record)
    {
        RuntimeMetrics.RecordStorage("read", Started);
        Completion.TrySetResult(record);
    }

    /// <inheritdoc />
    public override void Fail(Exception error) => Completion.TrySetException(error);
}
