using Orleans;
using Orleans.Concurrency;

namespace Telephony.GrainInterfaces.Routing;

/// <summary>
/// A node's receiver of worker events: a worker grain sends each event it stores to the nodes following it, so a
/// stream opened on any node hears of events wherever the worker lives.
/// </summary>
[Alias("telephony.IWorkerEventObserver")]
public interface IWorkerEventObserver : IGrainObserver
{
    /// <summary>An event <paramref name="workerSid"/> of <paramref name="workspaceSid"/> has just stored.</summary>
    [OneWay]
    [Alias("OnEvent")]
    Task OnEvent(string workspaceSid, string workerSid, WorkerEvent workerEvent);
}
