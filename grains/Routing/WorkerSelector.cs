using Telephony.GrainInterfaces.Routing;

namespace Telephony.Grains.Routing;

/// <summary>Picks the workers a task is offered to.</summary>
internal static class WorkerSelector
{
    /// <summary>
    /// Free workers with every required skill that have not already turned the task down, longest idle
    /// first (then oldest worker, then sid, so the order is total), at most <paramref name="count"/>.
    /// </summary>
    public static IReadOnlyList<WorkerRoutingState> Select(
        IEnumerable<WorkerRoutingState> workers,
        IReadOnlyList<string> requiredSkills,
        IReadOnlyCollection<string> excludedWorkerSids,
        int count) =>
        [.. workers
            .Where(w => w.Available && !w.HasOpenReservation)
            .Where(w => !excludedWorkerSids.Contains(w.WorkerSid))
            .Where(w => requiredSkills.All(skill => w.Skills.Contains(skill, StringComparer.Ordinal)))
            .OrderBy(w => w.IdleSince ?? DateTimeOffset.MaxValue)
            .ThenBy(w => w.DateCreated)
            .ThenBy(w => w.WorkerSid, StringComparer.Ordinal)
            .Take(count)];
}
