using System.Diagnostics;

namespace Telephony.Runtime.Core;

/// <summary>One turn waiting for, or running on, an activation: a grain call, a timer tick or a reminder tick.</summary>
internal abstract class WorkItem
{
    /// <summary>The turns this call is nested in; null for calls from outside any grain.</summary>
    public CallChain? Chain;

    /// <summary>The trace span of the call, when tracing listens.</summary>
    public Activity? Span;

    /// <summary>True while the item runs interleaved with the turn it was called back from.</summary>
    public bool Interleaved;

    /// <summary>Name of what runs, for errors and traces.</summary>
    public abstract string Describe();

    /// <summary>
    /// Runs the turn on <paramref name="activation"/>'s grain. Returns true when it finished synchronously;
    /// otherwise the item calls <see cref="Activation.OnAsyncTurnCompleted"/> when it finishes (unless interleaved).
    /// </summary>
    public abstract bool Run(Activation activation);

    /// <summary>Completes the item with <paramref name="error"/> without running it.</summary>
    public abstract void Fail(Exception error);

    /// <summary>Ends the trace span, recording <paramref name="error"/> if the call failed.</summary>
    protected void EndSpan(Exception? error)
    {
        var span = Span;
        if (span is null)
        {
            return;
        }

        Span = null;
        if (error is not null)
        {
            span.SetStatus(ActivityStatusCode.Error, error.Message);
        }

        span.Dispose();
    }
}
