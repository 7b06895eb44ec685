using System.Threading.Tasks.Sources;

namespace Telephony.Storage;

/// <summary>
/// A queued operation with the result its caller awaits. The operation is its own awaitable (a value task source), so
/// queueing one costs one object rather than three (operation, completion source, task). A batch first records each
/// outcome, then delivers it: normally through the thread pool, never running the caller's code inside the batch.
/// </summary>
internal abstract class PendingOperation<TResult> : PendingOperation, IValueTaskSource<TResult>
{
    private ManualResetValueTaskSourceCore<TResult> _core;
    private TResult? _result;
    private Exception? _error;
    private int _delivered;

    protected PendingOperation(CancellationToken cancellationToken)
        : base(cancellationToken)
    {
    }

    /// <summary>The outcome, awaited once by the caller.</summary>
    public ValueTask<TResult> Outcome => new(this, _core.Version);

    /// <summary>Records the result, for <see cref="Deliver"/>.</summary>
    public void SetResult(TResult result) => _result = result;

    /// <inheritdoc />
    public override void SetError(Exception error) => _error = error;

    /// <inheritdoc />
    public override void Deliver(bool runContinuationHere)
    {
        if (TryFinish())
        {
            _core.RunContinuationsAsynchronously = !runContinuationHere;
            if (_error is not null)
            {
                _core.SetException(_error);
            }
            else
            {
                _core.SetResult(_result!);
            }
        }
    }

    TResult IValueTaskSource<TResult>.GetResult(short token) => _core.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<TResult>.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource<TResult>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);

    /// <inheritdoc />
    protected override void SetCanceled(CancellationToken cancellationToken)
    {
        if (TryFinish())
        {
            _core.RunContinuationsAsynchronously = true;
            _core.SetException(new OperationCanceledException(cancellationToken));
        }
    }

    /// <summary>True for the first outcome only: a source completed twice would throw.</summary>
    private bool TryFinish()
    {
        if (Interlocked.Exchange(ref _delivered, 1) != 0)
        {
            return false;
        }

        StopListening();
        return true;
    }
}
