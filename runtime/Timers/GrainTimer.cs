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
        if (_disposed.IsCancellationRequested || _activation.IsDefunct || Interlocked.Exchange(ref _tickPending, 1) == 1)
        {
            return;
        }

        var item = new CallbackWorkItem("timer tick", _ => RunTickAsync());
        _activation.Enqueue(item);
    }

    private async Task RunTickAsync()
    {
        try
        {
            if (!_disposed.IsCancellationRequested)
            {
                await _callback(_disposed.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            // Cleared inside the turn, so a call that observes this tick's effects can never see the next tick skipped.
            Volatile.Write(ref _tickPending, 0);
        }
    }
}
