using Microsoft.Extensions.Logging;
using Telephony.Runtime;

namespace Telephony.Grains.Routing;

/// <summary>
/// Grain calls the calling turn does not wait for. Awaited routing calls only go workspace → queue,
/// worker, task; task → new reservation; reservation → task, worker; and workspace or worker → its own
/// page grains, which call nothing. Calls the other way (task → existing reservation, worker or queue →
/// workspace) go through here, so no two grains ever wait on each other.
/// </summary>
internal static class OneWay
{
    /// <summary>
    /// Sends <paramref name="call"/> from outside the current turn's call chain; a failure is logged, not thrown.
    /// The callee has the call queued before this returns, so it sees it before anything the sending turn
    /// causes afterwards: a worker's report of a change is queued on the workspace before the change's caller
    /// gets its answer.
    /// </summary>
    public static void Send(ILogger logger, string description, Func<Task> call) =>
        _ = ObserveAsync(logger, description, DetachedCall.Start(call));

    private static async Task ObserveAsync(ILogger logger, string description, Task sent)
    {
        try
        {
            await sent.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            RoutingLog.OneWayCallFailed(logger, e, description);
        }
    }
}
