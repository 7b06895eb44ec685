using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Tasks.Sources;
using Telephony.Runtime.Diagnostics;

namespace Telephony.Runtime.Core;

/// <summary>
/// A call to a grain method: its arguments, the method, and the completion the caller awaits.
/// Instances are pooled and reused after the caller reads the result, so a call allocates nothing
/// in the steady state.
/// </summary>
internal sealed class GrainRequest<TGrain, TArgs, TResult> : WorkItem, IValueTaskSource<TResult>, IValueTaskSource
    where TGrain : class
{
    private const int SharedPoolLimit = 4096;

    [ThreadStatic]
    private static GrainRequest<TGrain, TArgs, TResult>? t_cached;

    private static readonly ConcurrentQueue<GrainRequest<TGrain, TArgs, TResult>> SharedPool = new();
    private static int s_sharedCount;

    private readonly Action _onTurnCompleted;
    private ManualResetValueTaskSourceCore<TResult> _core;
    private TArgs _args = default!;
    private Func<TGrain, TArgs, ValueTask<TResult>>? _method;
    private Func<TGrain, TArgs, ValueTask>? _voidMethod;
    private string _methodName = string.Empty;
    private Activation? _running;
    private ValueTaskAwaiter<TResult> _awaiter;
    private ValueTaskAwaiter _voidAwaiter;
    private long _asyncStarted;

    private GrainRequest()
    {
        _core.RunContinuationsAsynchronously = true;
        _onTurnCompleted = OnTurnCompleted;
    }

    /// <summary>Token of the current use, for the caller's ValueTask.</summary>
    public short Version => _core.Version;

    /// <summary>Takes a request from the pool for a method with a result.</summary>
    public static GrainRequest<TGrain, TArgs, TResult> Rent(TArgs args, Func<TGrain, TArgs, ValueTask<TResult>> method, string methodName)
    {
        var request = RentInstance();
        request._args = args;
        request._method = method;
        request._methodName = methodName;
        return request;
    }

    /// <summary>Takes a request from the pool for a method without a result.</summary>
    public static GrainRequest<TGrain, TArgs, TResult> RentVoid(TArgs args, Func<TGrain, TArgs, ValueTask> method, string methodName)
    {
        var request = RentInstance();
        request._args = args;
        request._voidMethod = method;
        request._methodName = methodName;
        return request;
    }

    /// <inheritdoc />
    public override string Describe() => $"{typeof(TGrain).Name}.{_methodName}";

    /// <inheritdoc />
    public override bool Run(Activation activation)
    {
        var grain = (TGrain)(object)activation.Grain!;
        try
        {
            if (_method is not null)
            {
                var pending = _method(grain, _args);
                if (pending.IsCompleted)
                {
                    SetResult(pending.Result);
                    return true;
                }

                _awaiter = pending.GetAwaiter();
                BeginAsync(activation);
                _awaiter.UnsafeOnCompleted(_onTurnCompleted);
            }
            else
            {
                var pending = _voidMethod!(grain, _args);
                if (pending.IsCompleted)
                {
                    pending.GetAwaiter().GetResult();
                    SetResult(default!);
                    return true;
                }

                _voidAwaiter = pending.GetAwaiter();
                BeginAsync(activation);
                _voidAwaiter.UnsafeOnCompleted(_onTurnCompleted);
            }

            return false;
        }
        catch (Exception e)
        {
            Fail(e);
            return true;
        }
    }

    /// <inheritdoc />
    public override void Fail(Exception error)
    {
        RuntimeMetrics.CallFailures.Add(1);
        EndSpan(error);
        _core.SetException(error);
    }

    /// <inheritdoc />
    public TResult GetResult(short token)
    {
        var current = token == _core.Version;
        try
        {
            return _core.GetResult(token);
        }
        finally
        {
            if (current)
            {
                Return();
            }
        }
    }

    /// <inheritdoc />
    void IValueTaskSource.GetResult(short token) => GetResult(token);

    /// <inheritdoc />
    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

    /// <inheritdoc />
    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);

    private void SetResult(TResult result)
    {
        EndSpan(null);
        _core.SetResult(result);
    }

    private static GrainRequest<TGrain, TArgs, TResult> RentInstance()
    {
        var request = t_cached;
        if (request is not null)
        {
            t_cached = null;
            return request;
        }

        if (SharedPool.TryDequeue(out request))
        {
            Interlocked.Decrement(ref s_sharedCount);
            return request;
        }

        return new GrainRequest<TGrain, TArgs, TResult>();
    }

    private void BeginAsync(Activation activation)
    {
        _running = activation;
        _asyncStarted = RuntimeMetrics.TurnDuration.Enabled ? Stopwatch.GetTimestamp() : 0;
    }

    private void OnTurnCompleted()
    {
        var activation = _running!;
        var interleaved = Interleaved;
        _running = null;
        if (_asyncStarted != 0)
        {
            RuntimeMetrics.TurnDuration.Record(Stopwatch.GetElapsedTime(_asyncStarted).TotalMilliseconds);
        }

        TResult result = default!;
        Exception? error = null;
        try
        {
            if (_method is not null)
            {
                var awaiter = _awaiter;
                _awaiter = default;
                result = awaiter.GetResult();
            }
            else
            {
                var awaiter = _voidAwaiter;
                _voidAwaiter = default;
                awaiter.GetResult();
            }
        }
        catch (Exception e)
        {
            error = e;
        }

        if (!interleaved)
        {
            activation.OnAsyncTurnCompleted();
        }

        // The turn is over and its activation released, and this runs at the end of whatever completed the turn's
        // last await: the caller's continuation can run right here rather than take another trip through the thread pool.
        _core.RunContinuationsAsynchronously = false;
        if (error is null)
        {
            SetResult(result);
        }
        else
        {
            Fail(error);
        }
    }

    private void Return()
    {
        _core.Reset();
        _core.RunContinuationsAsynchronously = true;
        _args = default!;
        _method = null;
        _voidMethod = null;
        _methodName = string.Empty;
        Chain = null;
        Interleaved = false;
        if (t_cached is null)
        {
            t_cached = this;
        }
        else if (Interlocked.Increment(ref s_sharedCount) <= SharedPoolLimit)
        {
            SharedPool.Enqueue(this);
        }
        else
        {
            Interlocked.Decrement(ref s_sharedCount);
        }
    }
}
