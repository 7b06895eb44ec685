using Telephony.Runtime.Diagnostics;

namespace Telephony.Runtime.Storage;

/// <summary>A grain state write waiting for the SQLite storage loop, and the completion its caller awaits.</summary>
internal sealed class PendingWrite(GrainStateKey key, byte[]? payload, long? expectedVersion) : PendingOperation(key)
{
    public byte[]? Payload { get; } = payload;

    public long? ExpectedVersion { get; } = expectedVersion;

    public TaskCompletionSource<long> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes the write with its new version, or with a conflict when it found another version.</summary>
    public void Complete(long? version)
    {
        RuntimeMetrics.RecordStorage("write", Started);
        if (version is { } committed)
        {
            Completion.TrySetResult(committed);
        }
        else
        {
            Completion.TrySetException(StorageConflict.Create(Key, ExpectedVersion, null));
        }
    }

    /// <inheritdoc />
    public override void Fail(Exception error) => Completion.TrySetException(error);
}
