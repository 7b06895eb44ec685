using Telephony.Runtime.Core;

namespace Telephony.Runtime;

/// <summary>Grain calls that start now but outside the calling turn's call chain.</summary>
public static class DetachedCall
{
    /// <summary>
    /// Makes the grain call(s) in <paramref name="call"/> right away, as if from outside any grain: each is
    /// queued on (or already running in) its callee before this returns, so it reaches the callee ahead of
    /// any call this turn makes or causes afterwards. It carries no call chain, so a callee the current
    /// chain is waiting on takes it as an ordinary later turn instead of failing it as a cycle. The caller
    /// must therefore not wait for the returned task inside its turn.
    /// </summary>
    public static Task Start(Func<Task> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var caller = RuntimeContext.Current;
        RuntimeContext.Set(null);
        try
        {
            return call();
        }
        catch (Exception e)
        {
            return Task.FromException(e);
        }
        finally
        {
            RuntimeContext.Set(caller);
        }
    }
}
