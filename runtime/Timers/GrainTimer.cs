using Telephony.Runtime.Core;

namespace Telephony.Runtime;

/// <summary>An in-memory timer whose ticks run as turns of one activation.</summary>
internal sealed class GrainTimer : IDisposable
{
    private readonly Activation _activation;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly CancellationTokenSource _disposed = new();
    private readonly ITimer _timer;
    private int _tickPending;

    public GrainTimer(Activation activation, Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        _activation = activation;
        _callback = callback;
        activation.AddTimer(this);
        _timer = activation.Silo.Time.CreateTimer(static state => ((GrainTimer)state!).OnTick(), this, dueTime, period);
    }

    public void Dispose()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        _disposed.Cancel();
        _timer.Dispose();
        _activation.RemoveTimer(this);
    }

    private void OnTick()
    {
        if (_disposed.IsCancellationRequested || Interlocked.Exchange(ref _tickPending, 1) == 1)
        {
            return;
        }

        var item = new CallbackWorkItem("timer tick", _ => _disposed.IsCancellationRequested ? Task.CompletedTask : _callback(_disposed.Token));
        item.Completion.ContinueWith(
            static (_, state) => Volatile.Write(ref ((GrainTimer)state!)._tickPending, 0),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        _activation.Enqueue(item);
    }
}
