using Telephony.Runtime.Core;
using Telephony.Runtime.State;

namespace Telephony.Runtime;

/// <summary>
/// Base class of every grain, shaped like Orleans' <c>Grain</c>: the runtime creates it on the first
/// call, runs <see cref="OnActivateAsync"/> after its state is loaded, gives it one turn at a time,
/// and deactivates it when idle. Members of this base class are usable from OnActivateAsync on, not in the constructor.
/// </summary>
public abstract class Grain
{
    private Activation? _activation;
    private IGrainFactory? _grainFactory;

    /// <summary>This grain's identity.</summary>
    public GrainId GrainId => Activation.Id;

    /// <summary>This grain's key (Orleans' <c>this.GetPrimaryKeyString()</c>).</summary>
    public string GrainKey => Activation.Id.Key;

    /// <summary>Proxies to other grains; calls made here carry this turn's call chain.</summary>
    protected IGrainFactory GrainFactory => _grainFactory ?? throw NotBound();

    /// <summary>The silo's clock; tests drive it.</summary>
    protected TimeProvider TimeProvider => Activation.Silo.Time;

    internal IGrainStateLoader[] States { get; private set; } = [];

    private Activation Activation => _activation ?? throw NotBound();

    /// <summary>Runs after state is loaded, before the first call.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs when the activation is collected, asked to deactivate, or the silo stops gracefully.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this activation after the current turn; the next call creates a fresh one.</summary>
    protected void DeactivateOnIdle() => Activation.RequestDeactivation(DeactivationReason.Requested);

    /// <summary>
    /// Starts an in-memory timer whose ticks run as turns of this grain. A tick is skipped while the
    /// previous one is still queued or running. The timer dies with the activation.
    /// </summary>
    protected IDisposable RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return new GrainTimer(Activation, callback, dueTime, period);
    }

    /// <summary>
    /// Registers or replaces a durable reminder, first due after <paramref name="dueTime"/>, then every
    /// <paramref name="period"/> (<see cref="TimeSpan.Zero"/> for one that fires once). The grain must implement <see cref="IRemindable"/>.
    /// </summary>
    protected async Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reminderName);
        if (!Activation.Class.IsRemindable)
        {
            throw new InvalidOperationException($"{GetType().Name} must implement IRemindable to register reminders.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, TimeSpan.Zero);
        var silo = Activation.Silo;
        await silo.Reminders.UpsertAsync(GrainId, reminderName, silo.Time.GetUtcNow() + dueTime, period, silo.Stopping).ConfigureAwait(false);
        return new GrainReminder(reminderName);
    }

    /// <summary>Removes a reminder; it will not fire again.</summary>
    protected Task UnregisterReminder(IGrainReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return Activation.Silo.Reminders.RemoveAsync(GrainId, reminder.ReminderName, null, Activation.Silo.Stopping);
    }

    /// <summary>Finds a registered reminder by name; null when there is none.</summary>
    protected async Task<IGrainReminder?> GetReminder(string reminderName)
    {
        var entry = await Activation.Silo.Reminders.ReadAsync(GrainId, reminderName, Activation.Silo.Stopping).ConfigureAwait(false);
        return entry is null ? null : new GrainReminder(entry.Name);
    }

    internal void Bind(Activation activation, IGrainFactory grainFactory, IGrainStateLoader[] states)
    {
        _activation = activation;
        _grainFactory = grainFactory;
        States = states;
    }

    private InvalidOperationException NotBound() =>
        new($"{GetType().Name} is not activated yet; use grain members from OnActivateAsync on, not in the constructor.");

    private sealed record GrainReminder(string ReminderName) : IGrainReminder;
}
