namespace Telephony.Storage;

/// <summary>
/// A read or write queued for the storage loop. Cancellation wins only while the operation is still
/// queued: once a batch has taken it, its caller gets the real outcome, so a cancelled write is known not to have happened.
/// </summary>
internal abstract class PendingOperation
{
    private const int Queued = 0;
    private const int Taken = 1;
    private const int Cancelled = 2;

    private readonly CancellationToken _cancellationToken;
    private CancellationTokenRegistration _registration;
    private int _state;

    protected PendingOperation(CancellationToken cancellationToken) => _cancellationToken = cancellationToken;

    /// <summary>Called when a batch takes it; false when the caller cancelled first, and then the operation must be skipped.</summary>
    public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Queued) == Queued;

    /// <summary>
    /// Starts listening for the caller's cancellation; call once, before queueing. A token cancelled already cancels the
    /// operation at once, and the batch then skips it.
    /// </summary>
    public void ListenForCancellation()
    {
        if (_cancellationToken.CanBeCanceled)
        {
            _registration = _cancellationToken.UnsafeRegister(static state => ((PendingOperation)state!).OnCancelled(), this);
        }
    }

    /// <summary>Stops listening for cancellation (the operation was never queued); never blocks.</summary>
    public void StopListening() => _registration.Unregister();

    /// <summary>Records <paramref name="error"/> as the outcome, for <see cref="Deliver"/>.</summary>
    public abstract void SetError(Exception error);

    /// <summary>
    /// Hands the recorded outcome to the caller: its continuation goes to the thread pool, or, when
    /// <paramref name="runContinuationHere"/>, runs on this thread now (only once nothing else waits for this thread).
    /// </summary>
    public abstract void Deliver(bool runContinuationHere);

    /// <summary>Completes the caller's wait with <paramref name="error"/>, through the thread pool.</summary>
    public void Fail(Exception error)
    {
        SetError(error);
        Deliver(runContinuationHere: false);
    }

    /// <summary>Completes the caller's wait as cancelled.</summary>
    protected abstract void SetCanceled(CancellationToken cancellationToken);

    private void OnCancelled()
    {
        if (Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued)
        {
            SetCanceled(_cancellationToken);
        }
    }
}
