using Orleans;

namespace Telephony.GrainInterfaces.Routing;

/// <summary>
/// A full page of a worker's event log (key: <c>{workspaceSid}/{workerSid}/events-{page}</c>). The worker keeps
/// its newest events in its own state and moves them here a page at a time, so logging an event rewrites
/// at most a page of events instead of every retained one.
/// </summary>
[Alias("telephony.IWorkerEventPageGrain")]
public interface IWorkerEventPageGrain : IGrainWithStringKey
{
    /// <summary>Stores the page, replacing what it held: a seal repeated after a crash writes the same events again.</summary>
    [Alias("Store")]
    Task Store(IReadOnlyList<WorkerEvent> events);

    /// <summary>The page's events, oldest first; empty before it is stored and after it is cleared.</summary>
    [Alias("Get")]
    Task<IReadOnlyList<WorkerEvent>> Get();

    /// <summary>Drops the page once the log no longer retains it.</summary>
    [Alias("Clear")]
    Task Clear();
}
