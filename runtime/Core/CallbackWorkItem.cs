namespace Telephony.Runtime.Core;

/// <summary>A runtime-initiated turn (timer or reminder tick) whose completion the runtime awaits.</summary>
internal sealed class CallbackWorkItem(string name, Func<Grain, Task> callback) : WorkItem
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the turn has run.</summary>
    public Task Completion => _completion.Task;

    /// <inheritdoc />
    public override string Describe() => name;

    /// <inheritdoc />
    public override bool Run(Activation activation)
    {
        Task pending;
        try
        {
            pending = callback(activation.Grain!);
        }
        catch (Exception e)
        {
            Fail(e);
            return true;
        }

        if (pending.IsCompleted)
        {
            Complete(pending);
            return true;
        }

        var interleaved = Interleaved;
        pending.ContinueWith(
            static (task, state) =>
            {
                var (item, target, interleavedTurn) = ((CallbackWorkItem, Activation, bool))state!;
                item.Complete(task);
                if (!interleavedTurn)
                {
                    target.OnAsyncTurnCompleted();
                }
            },
            (this, activation, interleaved),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return false;
    }

    /// <inheritdoc />
    public override void Fail(Exception error)
    {
        EndSpan(error);
        _completion.TrySetException(error);
    }

    private void Complete(Task task)
    {
        EndSpan(task.Exception);
        if (task.IsFaulted)
        {
            _completion.TrySetException(task.Exception!.InnerExceptions);
        }
        else if (task.IsCanceled)
        {
            _completion.TrySetCanceled();
        }
        else
        {
            _completion.TrySetResult();
        }
    }
}
