using System.Collections.Concurrent;

namespace Telephony.Runtime.Core;

/// <summary>The activations living on one silo, by grain id (and slot, for stateless workers).</summary>
internal sealed class ActivationDirectory(Silo silo)
{
    private readonly ConcurrentDictionary<(GrainId Id, int Slot), Activation> _activations = new();
    private int _workerRoundRobin;

    public int Count => _activations.Count;

    public IEnumerable<Activation> All => _activations.Values;

    public Activation GetOrCreate(GrainClass grainClass, string key)
    {
        var id = new GrainId(grainClass.Name, key);
        return grainClass.IsStatelessWorker ? GetWorker(grainClass, id) : GetOrCreate(grainClass, id, 0);
    }

    public void Remove(Activation activation) =>
        _activations.TryRemove(new KeyValuePair<(GrainId, int), Activation>((activation.Id, activation.Slot), activation));

    private Activation GetOrCreate(GrainClass grainClass, GrainId id, int slot) =>
        _activations.TryGetValue((id, slot), out var existing)
            ? existing
            : _activations.GetOrAdd((id, slot), static (k, state) => new Activation(state.silo, state.grainClass, k.Id, k.Slot), (silo, grainClass));

    /// <summary>Prefers an idle worker, then a new one up to the limit, then spreads over the busy ones.</summary>
    private Activation GetWorker(GrainClass grainClass, GrainId id)
    {
        for (var slot = 0; slot < grainClass.MaxLocalWorkers; slot++)
        {
            if (!_activations.TryGetValue((id, slot), out var worker))
            {
                return GetOrCreate(grainClass, id, slot);
            }

            if (worker.IsIdle && worker.IsActive)
            {
                return worker;
            }
        }

        var chosen = (int)((uint)Interlocked.Increment(ref _workerRoundRobin) % (uint)grainClass.MaxLocalWorkers);
        return GetOrCreate(grainClass, id, chosen);
    }
}
