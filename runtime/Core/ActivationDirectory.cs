using System.Collections.Concurrent;

namespace Telephony.Runtime.Core;

/// <summary>The activations living on one silo, by grain id (and slot, for stateless workers).</summary>
internal sealed class ActivationDirectory(Silo silo)
{
    private readonly ConcurrentDictionary<(GrainId Id, int Slot), Activation> _activations = new();

    /// <summary>
    /// A stateless worker's activations by slot, so that finding an idle one reads an array instead of looking up
    /// every slot by key. A cache of <see cref="_activations"/>: an empty or defunct entry is looked up there again.
    /// </summary>
    private readonly ConcurrentDictionary<GrainId, Activation?[]> _workers = new();
    private int _workerRoundRobin;

    public int Count => _activations.Count;

    public IEnumerable<Activation> All => _activations.Values;

    public Activation GetOrCreate(GrainClass grainClass, string key)
    {
        var id = new GrainId(grainClass.Name, key);
        return grainClass.IsStatelessWorker ? GetWorker(grainClass, id) : GetOrCreate(grainClass, id, 0);
    }

    public void Remove(Activation activation)
    {
        _activations.TryRemove(new KeyValuePair<(GrainId, int), Activation>((activation.Id, activation.Slot), activation));
        if (!activation.Class.IsStatelessWorker || !_workers.TryGetValue(activation.Id, out var slots))
        {
            return;
        }

        // Forget a worker key once its last activation is gone, so keys that come and go do not pile up. A caller still
        // holding the forgotten array only caches into it; the activations themselves are always found in _activations.
        Interlocked.CompareExchange(ref slots[activation.Slot], null, activation);
        if (Array.TrueForAll(slots, worker => worker is null))
        {
            _workers.TryRemove(new KeyValuePair<GrainId, Activation?[]>(activation.Id, slots));
        }
    }

    private Activation GetOrCreate(GrainClass grainClass, GrainId id, int slot) =>
        _activations.TryGetValue((id, slot), out var existing)
            ? existing
            : _activations.GetOrAdd((id, slot), static (k, state) => new Activation(state.silo, state.grainClass, k.Id, k.Slot), (silo, grainClass));

    /// <summary>Prefers an idle worker, then a new one up to the limit, then spreads over the busy ones.</summary>
    private Activation GetWorker(GrainClass grainClass, GrainId id)
    {
        var slots = _workers.GetOrAdd(id, static (key, state) => state.directory.FindWorkers(key, state.max), (directory: this, max: grainClass.MaxLocalWorkers));
        var empty = -1;
        for (var slot = 0; slot < slots.Length; slot++)
        {
            var worker = Volatile.Read(ref slots[slot]);
            if (worker is null || worker.IsDefunct)
            {
                empty = empty < 0 ? slot : empty;
            }
            else if (worker.IsIdle && worker.IsActive)
            {
                return worker;
            }
        }

        if (empty >= 0)
        {
            return CacheWorker(slots, grainClass, id, empty);
        }

        var chosen = (int)((uint)Interlocked.Increment(ref _workerRoundRobin) % (uint)slots.Length);
        var busy = Volatile.Read(ref slots[chosen]);
        return busy is null || busy.IsDefunct ? CacheWorker(slots, grainClass, id, chosen) : busy;
    }

    /// <summary>
    /// A new slot array for <paramref name="id"/>, filled with the activations it already has: one created while its
    /// key was being forgotten lives only in the forgotten array, and placement must still see it.
    /// </summary>
    private Activation?[] FindWorkers(GrainId id, int max)
    {
        var slots = new Activation?[max];
        for (var slot = 0; slot < max; slot++)
        {
            _activations.TryGetValue((id, slot), out slots[slot]);
        }

        return slots;
    }

    private Activation CacheWorker(Activation?[] slots, GrainClass grainClass, GrainId id, int slot)
    {
        var worker = GetOrCreate(grainClass, id, slot);
        Volatile.Write(ref slots[slot], worker);
        return worker;
    }
}
