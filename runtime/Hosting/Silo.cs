using System.Text.Json;
using Microsoft.Extensions.Logging;
using Telephony.Runtime.Core;
using Telephony.Runtime.Reminders;
using Telephony.Runtime.Storage;

namespace Telephony.Runtime;

/// <summary>
/// One runtime instance: its activations, idle collection and reminder delivery. Calls leave through
/// its router, which is the silo itself when it runs alone.
/// </summary>
public sealed class Silo : IGrainRouter, IAsyncDisposable
{
    private readonly SiloOptions _options;
    private readonly IGrainStorage _storage;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _stopLock = new();
    private Task? _stopped;
    private readonly ReminderService _reminderService;
    private ITimer? _collector;
    private volatile bool _running;
    private int _collectionTick;

    internal Silo(
        SiloOptions options,
        IServiceProvider services,
        GrainTypeRegistry registry,
        IGrainStorage storage,
        IReminderTable reminders,
        JsonSerializerOptions json,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        _options = options;
        _storage = storage;
        Registry = registry;
        Reminders = reminders;
        Time = time;
        Logger = loggers.CreateLogger<Silo>();
        Directory = new ActivationDirectory(this);
        Router = this;
        GrainFactory = new GrainFactory(this);
        Activator = new GrainActivator(services, GrainFactory, json);
        _reminderService = new ReminderService(this, options, loggers.CreateLogger<ReminderService>());
    }

    /// <summary>The silo's name.</summary>
    public string Name => _options.Name;

    /// <summary>True between start and stop (or kill).</summary>
    public bool IsRunning => _running;

    /// <summary>Proxies whose calls go through this silo's router.</summary>
    public IGrainFactory GrainFactory { get; }

    /// <summary>Live activations on this silo.</summary>
    public int ActivationCount => Directory.Count;

    /// <summary>The grain storage this silo's grains use by default.</summary>
    public IGrainStorage Storage => _storage;

    internal IGrainRouter Router { get; set; }

    internal GrainTypeRegistry Registry { get; }

    internal ActivationDirectory Directory { get; }

    internal GrainActivator Activator { get; }

    internal IReminderTable Reminders { get; }

    internal TimeProvider Time { get; }

    internal ILogger Logger { get; }

    internal CancellationToken Stopping => _stopping.Token;

    internal int CollectionTick => Volatile.Read(ref _collectionTick);

    /// <summary>Prepares storage and starts idle collection and reminder delivery.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _storage.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await Reminders.InitializeAsync(cancellationToken).ConfigureAwait(false);
        _running = true;
        _collector = Time.CreateTimer(static s => ((Silo)s!).CollectIdle(), this, _options.CollectionQuantum, _options.CollectionQuantum);
        _reminderService.Start();
        Logger.LogInformation("Silo {Silo} started", Name);
    }

    /// <summary>Stops taking calls after deactivating every activation (OnDeactivateAsync runs); later calls wait for the same stop.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_stopLock)
        {
            return _stopped ??= _running ? StopRunningAsync(cancellationToken) : Task.CompletedTask;
        }
    }

    private async Task StopRunningAsync(CancellationToken cancellationToken)
    {
        // From here on calls are refused (a cluster routes them to another silo), so no new activation
        // appears behind the deactivation sweep.
        _running = false;
        _collector?.Dispose();
        await _reminderService.StopAsync().ConfigureAwait(false);
        foreach (var activation in Directory.All)
        {
            activation.RequestDeactivation(DeactivationReason.ShuttingDown);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ShutdownTimeout);
        try
        {
            while (Directory.Count > 0)
            {
                await Task.Delay(10, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            Logger.LogWarning("Silo {Silo} stopped with {Count} activations still deactivating", Name, Directory.Count);
        }

        Shutdown();
        Logger.LogInformation("Silo {Silo} stopped", Name);
    }

    /// <summary>Ends the silo at once, as a crash would: no deactivation, queued calls fail.</summary>
    public void Kill()
    {
        lock (_stopLock)
        {
            _stopped ??= Task.CompletedTask;
        }

        _collector?.Dispose();
        _reminderService.Abort();
        Shutdown();
        foreach (var activation in Directory.All)
        {
            activation.Abandon();
        }

        Logger.LogWarning("Silo {Silo} killed", Name);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    Activation IGrainRouter.Resolve(GrainClass grainClass, string key) =>
        _running ? Directory.GetOrCreate(grainClass, key) : throw new SiloUnavailableException($"Silo {Name} is stopping; {grainClass.Name}/{key} cannot be activated here.");

    /// <summary>Sends a call that reached a deactivated activation on to the grain's current one.</summary>
    internal void Forward(GrainClass grainClass, string key, WorkItem item)
    {
        try
        {
            Router.Resolve(grainClass, key).Accept(item);
        }
        catch (Exception e)
        {
            item.Fail(e);
        }
    }

    private void Shutdown()
    {
        _running = false;
        if (!_stopping.IsCancellationRequested)
        {
            _stopping.Cancel();
        }
    }

    private void CollectIdle()
    {
        var tick = Interlocked.Increment(ref _collectionTick);
        var ageInTicks = (int)Math.Ceiling(_options.CollectionAge / _options.CollectionQuantum);
        foreach (var activation in Directory.All)
        {
            // LastUsedTick is the tick during which the last turn started, so idle time is at least this many full quanta.
            if (activation.IsActive && activation.IsIdle && tick - activation.LastUsedTick - 1 >= ageInTicks)
            {
                activation.RequestDeactivation(DeactivationReason.Idle);
            }
        }
    }
}
