using Telephony.Runtime;

namespace Telephony.Runtime.Tests.Grains;

public interface ITimerGrain : IGrainWithStringKey
{
    Task Start(TimeSpan period);

    Task Stop();

    ValueTask<int> Ticks();
}

/// <summary>Counts in-memory timer ticks.</summary>
public sealed class TimerGrain(GrainEventLog log) : Grain, ITimerGrain
{
    private IDisposable? _timer;
    private int _ticks;

    public Task Start(TimeSpan period)
    {
        _timer = RegisterGrainTimer(
            _ =>
            {
                _ticks++;
                log.Record(GrainKey, "timer");
                return Task.CompletedTask;
            },
            period,
            period);
        return Task.CompletedTask;
    }

    public Task Stop()
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public ValueTask<int> Ticks() => ValueTask.FromResult(_ticks);
}
