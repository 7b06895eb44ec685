using Microsoft.Extensions.Logging;
using Telephony.Runtime.Core;
using Telephony.Runtime.Diagnostics;

namespace Telephony.Runtime.Reminders;

/// <summary>
/// Polls the reminder table and delivers due ticks as grain turns. A tick is claimed first by moving
/// the row's due time forward under its version, so among silos sharing a table exactly one delivers
/// it; a silo that dies mid-delivery leaves the claim to expire and another delivers it again
/// (at least once). A reminder that came due while no silo ran fires once, then resumes its period.
/// </summary>
internal sealed class ReminderService(Silo silo, SiloOptions options, ILogger<ReminderService> logger)
{
    private const int BatchSize = 256;
    private readonly CancellationTokenSource _stopping = new();
    private ITimer? _timer;
    private int _polling;
    private Task _current = Task.CompletedTask;

    public void Start() =>
        _timer = silo.Time.CreateTimer(static s => ((ReminderService)s!).Poll(), this, TimeSpan.Zero, options.ReminderPollInterval);

    public async Task StopAsync()
    {
        _timer?.Dispose();
        await _current.ConfigureAwait(false);
        _stopping.Cancel();
    }

    public void Abort()
    {
        _timer?.Dispose();
        _stopping.Cancel();
    }

    /// <summary>The first due time after <paramref name="now"/> on the reminder's period grid, so missed ticks collapse into one.</summary>
    internal static DateTimeOffset NextDue(DateTimeOffset due, TimeSpan period, DateTimeOffset now)
    {
        var missed = now < due ? 0 : (long)((now - due) / period);
        return due + (period * (missed + 1));
    }

    private void Poll()
    {
        if (_stopping.IsCancellationRequested || Interlocked.Exchange(ref _polling, 1) == 1)
        {
            return;
        }

        _current = PollAsync().ContinueWith(
            static (_, s) => Volatile.Write(ref ((ReminderService)s!)._polling, 0),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async Task PollAsync()
    {
        try
        {
            var now = silo.Time.GetUtcNow();
            var due = await silo.Reminders.ReadDueAsync(now, BatchSize, _stopping.Token).ConfigureAwait(false);
            await Task.WhenAll(due.Select(entry => FireAsync(entry, now))).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopping: ticks not yet claimed stay due for the next silo start.
        }
        catch (Exception e)
        {
            logger.LogError(e, "Reminder poll on silo {Silo} failed", silo.Name);
        }
    }

    private async Task FireAsync(ReminderEntry entry, DateTimeOffset now)
    {
        var table = silo.Reminders;
        var claimed = await table.TryRescheduleAsync(entry, now + options.ReminderLease, _stopping.Token).ConfigureAwait(false);
        if (claimed is null)
        {
            return;
        }

        try
        {
            await DeliverAsync(entry).ConfigureAwait(false);
            RuntimeMetrics.RemindersFired.Add(1);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Reminder {Reminder} of {GrainId} failed; retrying in {Delay}", entry.Name, entry.Grain, options.ReminderRetryDelay);
            await table.TryRescheduleAsync(claimed, now + options.ReminderRetryDelay, _stopping.Token).ConfigureAwait(false);
            return;
        }

        // Conditional on the claim: if the grain re-registered the reminder while handling it, its new schedule stands.
        if (entry.IsOneShot)
        {
            await table.RemoveAsync(entry.Grain, entry.Name, claimed.Version, _stopping.Token).ConfigureAwait(false);
        }
        else
        {
            await table.TryRescheduleAsync(claimed, NextDue(entry.DueAt, entry.Period, now), _stopping.Token).ConfigureAwait(false);
        }
    }

    private Task DeliverAsync(ReminderEntry entry)
    {
        var grainClass = silo.Registry.ForName(entry.Grain.Type)
            ?? throw new InvalidOperationException($"Reminder {entry.Name} names grain type '{entry.Grain.Type}', which no registered grain class has.");
        if (!grainClass.IsRemindable)
        {
            throw new InvalidOperationException($"{grainClass.Type.Name} has reminder {entry.Name} but does not implement IRemindable.");
        }

        var status = new TickStatus(entry.Period, entry.DueAt);
        var item = new CallbackWorkItem(
            $"reminder '{entry.Name}'",
            grain => ((IRemindable)grain).ReceiveReminder(entry.Name, status));
        silo.Router.Resolve(grainClass, entry.Grain.Key).Accept(item);
        return item.Completion;
    }
}
