namespace Telephony.Runtime.Storage;

/// <summary>A read or write of one grain state queued for the SQLite storage loop.</summary>
internal abstract class PendingOperation(GrainStateKey key)
{
    /// <summary>Whose state it reads or writes.</summary>
    public GrainStateKey Key { get; } = key;

    /// <summary>When the caller asked, for the storage latency metric.</summary>
    public long Started { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>Completes the caller's task with <paramref name="error"/>.</summary>
    public abstract void Fail(Exception error);
}
