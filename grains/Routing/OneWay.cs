using Microsoft.Extensions.Logging;

namespace Telephony.Grains.Routing;

/// <summary>
/// Grain calls the calling turn does not wait for. Awaited routing calls only go workspace → queue,
/// worker, task; task → new reservation; reservation → task, worker. Calls the other way (task →
/// existing reservation, worker or queue → workspace) go through here, so no two grains ever wait
/// on each other.
/// </summary>
internal static class OneWay
{
    /// <summary>Starts <paramref name="call"/> outside the current turn; a failure is logged, not thrown.</summary>
    public static void Send(ILogger logger, string description, Func<Task> call)
    {
        // Without the execution context the call carries no runtime context: it reaches the callee as an
        // outside call instead of extending this turn's call chain, which would wrongly look like a cycle.
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(() => RunAsync(logger, description, call));
        }
    }

    private static async Task RunAsync(ILogger logger, string description, Func<Task> call)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            RoutingLog.OneWayCallFailed(logger, e, description);
        }
    }
}
