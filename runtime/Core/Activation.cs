using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Telephony.Runtime.Diagnostics;

namespace Telephony.Runtime.Core;

/// <summary>
/// One live instance of a grain and its mailbox. Turns run one at a time in arrival order: a call
/// to an idle activation runs at once on the caller's thread; otherwise it queues and the
/// activation drains its queue on the thread pool. Whoever holds <see cref="_scheduled"/> owns the
/// grain: a turn, the activation step or the deactivation step.
/// </summary>
internal sealed class Activation : IThreadPoolWorkItem
{
    private const int TurnsPerDispatch = 256;

    private static readonly ContextCallback RunInlineCallback = static state =>
    {
        var item = (WorkItem)state!;
        var activation = RuntimeContext.Current!;
        if (item.Run(activation))
        {
            activation.EndTurn();
            activation.ReleaseAfterTurn();
        }
    };

    private static readonly ContextCallback DrainCallback = static state => ((Activation)state!).Drain();

    private static readonly ContextCallback RunInterleavedCallback = static state =>
    {
        var item = (WorkItem)state!;
        item.Run(RuntimeContext.Current!);
    };

    private readonly ConcurrentQueue<WorkItem> _queue = new();
    private readonly Silo _silo;
    private List<GrainTimer>? _timers;
    private int _scheduled;
    private volatile ActivationStatus _status;
    private volatile bool _deactivateRequested;
    private DeactivationReason _deactivationReason;
    private ExecutionContext? _context;
    private int _currentTurn;

    public Activation(Silo silo, GrainClass grainClass, GrainId id, int slot)
    {
        _silo = silo;
        Class = grainClass;
        Id = id;
        Slot = slot;
        LastUsedTick = silo.CollectionTick;
    }

    public GrainClass Class { get; }

    public GrainId Id { get; }

    /// <summary>Index among a stateless worker's activations; 0 otherwise.</summary>
    public int Slot { get; }

    public Silo Silo => _silo;

    public Grain? Grain { get; private set; }

    /// <summary>Odd while a turn runs, even between turns; call chains compare it to see whether a turn is still waiting.</summary>
    public int CurrentTurn => Volatile.Read(ref _currentTurn);

    /// <summary>The chain of the running turn, extended by calls the grain makes.</summary>
    public CallChain? CurrentChain { get; private set; }

    /// <summary>The collector's tick when the last turn started.</summary>
    public int LastUsedTick { get; private set; }

    /// <summary>True when calls can no longer reach this activation through a cached reference.</summary>
    public bool IsDefunct => _status == ActivationStatus.Deactivated || !_silo.IsRunning;

    /// <summary>True when nothing runs or waits; stateless worker placement prefers idle activations.</summary>
    public bool IsIdle => Volatile.Read(ref _scheduled) == 0 && _queue.IsEmpty;

    public bool IsActive => _status == ActivationStatus.Active;


    /// <summary>Takes a call: runs it now if the activation is idle, queues it otherwise, fails it if it would deadlock.</summary>
    public void Accept(WorkItem item)
    {
        if (!_silo.IsRunning)
        {
            item.Fail(new SiloUnavailableException($"Silo {_silo.Name} is not running; {item.Describe()} on {Id} was not delivered."));
            return;
        }

        if (item.Chain is { } chain && chain.IsWaitingOn(this))
        {
            if (!Class.AllowCallChainReentrancy)
            {
                item.Fail(new DeadlockException(
                    $"Call cycle detected: {chain.Describe(this)}. {Id} is still waiting in the turn that started this chain, " +
                    $"so {item.Describe()} would never run. Mark {Class.Type.Name} with [AllowCallChainReentrancy] or restructure the calls."));
                return;
            }

            item.Interleaved = true;
            ExecutionContext.Run(_context!, RunInterleavedCallback, item);
            return;
        }

        if (!TryRunInline(item))
        {
            Enqueue(item);
        }
    }

    /// <summary>Queues a turn; used by timers and reminders, which always go through the mailbox.</summary>
    public void Enqueue(WorkItem item)
    {
        _queue.Enqueue(item);
        if (Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            Schedule();
        }
    }

    /// <summary>Asks the activation to deactivate once its current turn ends.</summary>
    public void RequestDeactivation(DeactivationReason reason)
    {
        if (_deactivateRequested)
        {
            return;
        }

        _deactivationReason = reason;
        _deactivateRequested = true;
        if (Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            Schedule();
        }
    }

    /// <summary>
    /// Called by a turn that went asynchronous once it has finished: releases the activation right
    /// here, and only queues a dispatch when calls are waiting, so an idle grain costs no extra hop.
    /// </summary>
    public void OnAsyncTurnCompleted()
    {
        EndTurn();
        ReleaseAfterTurn();
    }

    public void AddTimer(GrainTimer timer) => (_timers ??= []).Add(timer);

    public void RemoveTimer(GrainTimer timer) => _timers?.Remove(timer);

    /// <summary>Fails every queued call; used when the silo is killed.</summary>
    public void Abandon()
    {
        _status = ActivationStatus.Deactivated;
        DisposeTimers();
        while (_queue.TryDequeue(out var item))
        {
            item.Fail(new SiloUnavailableException($"Silo {_silo.Name} was killed before {item.Describe()} ran on {Id}."));
        }
    }

    void IThreadPoolWorkItem.Execute()
    {
        if (_context is null)
        {
            // First dispatch runs on a clean thread-pool context: capture it with only this activation set,
            // so grain code never sees a caller's ambient state.
            RuntimeContext.Set(this);
            _context = ExecutionContext.Capture();
        }
        else
        {
            ExecutionContext.Restore(_context);
        }

        Drain();
    }

    private bool TryRunInline(WorkItem item)
    {
        if (_status != ActivationStatus.Active || !_queue.IsEmpty || Interlocked.CompareExchange(ref _scheduled, 1, 0) != 0)
        {
            return false;
        }

        if (_status != ActivationStatus.Active || _deactivateRequested || !_queue.IsEmpty)
        {
            Release();
            return false;
        }

        StartTurn(item);
        ExecutionContext.Run(_context!, RunInlineCallback, item);
        return true;
    }

    private void Drain()
    {
        for (var budget = TurnsPerDispatch; ; budget--)
        {
            switch (_status)
            {
                case ActivationStatus.Created:
                    _status = ActivationStatus.Activating;
                    _ = ActivateAsync();
                    return;
                case ActivationStatus.Deactivated:
                    ForwardQueued();
                    return;
            }

            if (_deactivateRequested)
            {
                _status = ActivationStatus.Deactivating;
                _ = DeactivateAsync();
                return;
            }

            if (budget == 0)
            {
                // Let other work run; this activation keeps ownership and continues in a later dispatch.
                Schedule();
                return;
            }

            if (!_queue.TryDequeue(out var item))
            {
                Interlocked.Exchange(ref _scheduled, 0);
                if ((_queue.IsEmpty && !_deactivateRequested) || Interlocked.CompareExchange(ref _scheduled, 1, 0) != 0)
                {
                    return;
                }

                continue;
            }

            StartTurn(item);
            if (!item.Run(this))
            {
                return;
            }

            EndTurn();
        }
    }

    private void StartTurn(WorkItem item)
    {
        Interlocked.Increment(ref _currentTurn);
        CurrentChain = item.Chain;
        LastUsedTick = _silo.CollectionTick;
    }

    private void EndTurn()
    {
        CurrentChain = null;
        Interlocked.Increment(ref _currentTurn);
    }

    private void Release()
    {
        if (ReleaseOrReclaim())
        {
            Schedule();
        }
    }

    /// <summary>
    /// Releases the activation at the end of a turn. When a deactivation is all that waits (a grain that asked to
    /// leave memory), it runs right here in the grain's context instead of through another thread-pool dispatch.
    /// </summary>
    private void ReleaseAfterTurn()
    {
        if (!ReleaseOrReclaim())
        {
            return;
        }

        if (_queue.IsEmpty)
        {
            ExecutionContext.Run(_context!, DrainCallback, this);
        }
        else
        {
            Schedule();
        }
    }

    /// <summary>Lets go of the activation; true when calls or a deactivation wait and this caller took it back to run them.</summary>
    private bool ReleaseOrReclaim()
    {
        // A full fence, not a volatile write: the queue must be read after the release is visible,
        // or an enqueuer that saw the activation busy and this releaser that saw the queue empty both back off.
        Interlocked.Exchange(ref _scheduled, 0);
        return (!_queue.IsEmpty || _deactivateRequested) && Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0;
    }

    private void Schedule() => ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);

    private async Task ActivateAsync()
    {
        try
        {
            var grain = _silo.Activator.Create(this);
            Grain = grain;
            await GrainActivator.LoadStateAsync(grain, _silo.Stopping).ConfigureAwait(false);
            await grain.OnActivateAsync(_silo.Stopping).ConfigureAwait(false);
            _status = ActivationStatus.Active;
            RuntimeMetrics.Activations.Add(1);
        }
        catch (Exception e)
        {
            _silo.Logger.LogError(e, "Activation of {GrainId} failed", Id);
            var error = new GrainActivationException($"Activation of {Id} failed: {e.Message}", e);
            DisposeTimers();
            _silo.Directory.Remove(this);
            _status = ActivationStatus.Deactivated;
            while (_queue.TryDequeue(out var item))
            {
                item.Fail(error);
            }
        }

        // Still this activation's step, in its execution context: run the waiting calls here rather than
        // through another thread-pool hop (a new call leg's first callback otherwise waits for three).
        Drain();
    }

    private async Task DeactivateAsync()
    {
        try
        {
            DisposeTimers();
            await Grain!.OnDeactivateAsync(_deactivationReason, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _silo.Logger.LogWarning(e, "OnDeactivateAsync of {GrainId} threw", Id);
        }
        finally
        {
            _silo.Directory.Remove(this);
            _status = ActivationStatus.Deactivated;
            RuntimeMetrics.Activations.Add(-1);
            _silo.Logger.LogDebug("Deactivated {GrainId} ({Reason})", Id, _deactivationReason);
        }

        // Still this activation's step: hand calls that arrived meanwhile on here rather than after another hop.
        Drain();
    }

    private void ForwardQueued()
    {
        while (true)
        {
            while (_queue.TryDequeue(out var item))
            {
                _silo.Forward(Class, Id.Key, item);
            }

            Interlocked.Exchange(ref _scheduled, 0);
            if (_queue.IsEmpty || Interlocked.CompareExchange(ref _scheduled, 1, 0) != 0)
            {
                return;
            }
        }
    }

    private void DisposeTimers()
    {
        if (_timers is null)
        {
            return;
        }

        foreach (var timer in _timers.ToArray())
        {
            timer.Dispose();
        }

        _timers = null;
    }
}
