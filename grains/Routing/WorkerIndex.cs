using Telephony.GrainInterfaces.Routing;

namespace Telephony.Grains.Routing;

/// <summary>
/// The workspace router's copy of its workers' routing state: each worker's newest known state, and the
/// free ones (available, no open reservation) in offer order, overall and per skill, so that choosing
/// workers for a task reads a few entries instead of asking every worker. Not thread-safe: it lives in
/// the workspace grain's turns.
/// </summary>
internal sealed class WorkerIndex
{
    private readonly Dictionary<string, WorkerRoutingState> _workers = new(StringComparer.Ordinal);
    private readonly SortedSet<WorkerRoutingState> _free = new(OfferOrder.Instance);
    private readonly Dictionary<string, SortedSet<WorkerRoutingState>> _freeBySkill = new(StringComparer.Ordinal);

    /// <summary>Workers held.</summary>
    public int Count => _workers.Count;

    /// <summary>Workers that can take an offer now.</summary>
    public int FreeCount => _free.Count;

    /// <summary>True when the worker is held.</summary>
    public bool Contains(string workerSid) => _workers.ContainsKey(workerSid);

    /// <summary>True when the worker is held and can take an offer.</summary>
    public bool IsFree(string workerSid) => _workers.TryGetValue(workerSid, out var worker) && IsFree(worker);

    /// <summary>
    /// Takes <paramref name="worker"/> unless the worker is held at the same or a newer version (a report that
    /// arrives after a fresher read); true when taken.
    /// </summary>
    public bool Apply(WorkerRoutingState worker)
    {
        ArgumentNullException.ThrowIfNull(worker);
        if (_workers.TryGetValue(worker.WorkerSid, out var held))
        {
            if (held.Version >= worker.Version)
            {
                return false;
            }

            Unlist(held);
        }

        Put(worker);
        return true;
    }

    /// <summary>
    /// Marks a worker that has just taken an offer as busy. Its own report of the offer (a newer version)
    /// is queued behind the offering turn and replaces this when it arrives.
    /// </summary>
    public void MarkReserved(string workerSid)
    {
        if (_workers.TryGetValue(workerSid, out var held) && !held.HasOpenReservation)
        {
            Unlist(held);
            Put(held with { HasOpenReservation = true });
        }
    }

    /// <summary>Forgets a worker, for one that turns out not to exist.</summary>
    public void Remove(string workerSid)
    {
        if (_workers.Remove(workerSid, out var held))
        {
            Unlist(held);
        }
    }

    /// <summary>
    /// Free workers with every required skill that are not <paramref name="excludedWorkerSids"/>, longest idle
    /// first (then oldest worker, then sid, so the order is total), at most <paramref name="count"/>.
    /// </summary>
    public IReadOnlyList<string> Select(IReadOnlyList<string> requiredSkills, IReadOnlyCollection<string> excludedWorkerSids, int count)
    {
        ArgumentNullException.ThrowIfNull(requiredSkills);
        ArgumentNullException.ThrowIfNull(excludedWorkerSids);
        var chosen = new List<string>();
        foreach (var worker in Narrowest(requiredSkills))
        {
            if (chosen.Count == count)
            {
                break;
            }

            if (!excludedWorkerSids.Contains(worker.WorkerSid)
                && requiredSkills.All(skill => worker.Skills.Contains(skill, StringComparer.Ordinal)))
            {
                chosen.Add(worker.WorkerSid);
            }
        }

        return chosen;
    }

    private static bool IsFree(WorkerRoutingState worker) => worker.Available && !worker.HasOpenReservation;

    /// <summary>The smallest set of free workers that holds every worker with all <paramref name="requiredSkills"/>, in offer order.</summary>
    private IReadOnlyCollection<WorkerRoutingState> Narrowest(IReadOnlyList<string> requiredSkills)
    {
        var narrowest = _free;
        foreach (var skill in requiredSkills)
        {
            if (!_freeBySkill.TryGetValue(skill, out var withSkill))
            {
                return [];
            }

            if (withSkill.Count < narrowest.Count)
            {
                narrowest = withSkill;
            }
        }

        return narrowest;
    }

    private void Put(WorkerRoutingState worker)
    {
        _workers[worker.WorkerSid] = worker;
        if (!IsFree(worker))
        {
            return;
        }

        _free.Add(worker);
        foreach (var skill in worker.Skills)
        {
            if (!_freeBySkill.TryGetValue(skill, out var withSkill))
            {
                _freeBySkill[skill] = withSkill = new SortedSet<WorkerRoutingState>(OfferOrder.Instance);
            }

            withSkill.Add(worker);
        }
    }

    private void Unlist(WorkerRoutingState worker)
    {
        if (!IsFree(worker))
        {
            return;
        }

        _free.Remove(worker);
        foreach (var skill in worker.Skills)
        {
            if (_freeBySkill.TryGetValue(skill, out var withSkill) && withSkill.Remove(worker) && withSkill.Count == 0)
            {
                _freeBySkill.Remove(skill);
            }
        }
    }

    /// <summary>Longest idle first, then oldest worker, then sid; never equal for two workers, as sorted sets need.</summary>
    private sealed class OfferOrder : IComparer<WorkerRoutingState>
    {
        public static OfferOrder Instance { get; } = new();

        public int Compare(WorkerRoutingState? x, WorkerRoutingState? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            var byIdle = (x.IdleSince ?? DateTimeOffset.MaxValue).CompareTo(y.IdleSince ?? DateTimeOffset.MaxValue);
            if (byIdle != 0)
            {
                return byIdle;
            }

            var byAge = x.DateCreated.CompareTo(y.DateCreated);
            return byAge != 0 ? byAge : string.CompareOrdinal(x.WorkerSid, y.WorkerSid);
        }
    }
}
