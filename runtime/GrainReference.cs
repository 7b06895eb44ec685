using System.Diagnostics;
using Telephony.Runtime.Core;
using Telephony.Runtime.Diagnostics;

namespace Telephony.Runtime;

/// <summary>
/// Base class of generated grain proxies. Each proxy method packs its arguments and a static lambda
/// that calls the grain, and hands them to <see cref="InvokeAsync{TGrain,TArgs,TResult}"/>; nothing is
/// serialized for a local call.
/// </summary>
public abstract class GrainReference
{
    private readonly GrainBinding _binding;
    private Activation? _cached;

    /// <summary>Creates a reference to the grain with <paramref name="key"/>.</summary>
    protected GrainReference(GrainBinding binding, string key)
    {
        ArgumentNullException.ThrowIfNull(binding);
        ArgumentException.ThrowIfNullOrEmpty(key);
        _binding = binding;
        Key = key;
    }

    /// <summary>The grain's key.</summary>
    public string Key { get; }

    /// <summary>The grain's identity.</summary>
    public GrainId GrainId => new(_binding.Class.Name, Key);

    /// <inheritdoc />
    public override string ToString() => GrainId.ToString();

    /// <summary>Calls a grain method that returns a value.</summary>
    protected ValueTask<TResult> InvokeAsync<TGrain, TArgs, TResult>(TArgs args, Func<TGrain, TArgs, ValueTask<TResult>> method, string methodName)
        where TGrain : class
    {
        var request = GrainRequest<TGrain, TArgs, TResult>.Rent(args, method, methodName);
        var token = request.Version;
        Send(request);
        return new ValueTask<TResult>(request, token);
    }

    /// <summary>Calls a grain method that returns no value.</summary>
    protected ValueTask InvokeVoidAsync<TGrain, TArgs>(TArgs args, Func<TGrain, TArgs, ValueTask> method, string methodName)
        where TGrain : class
    {
        var request = GrainRequest<TGrain, TArgs, bool>.RentVoid(args, method, methodName);
        var token = request.Version;
        Send(request);
        return new ValueTask(request, token);
    }

    private void Send(WorkItem item)
    {
        if (RuntimeMetrics.Calls.Enabled)
        {
            RuntimeMetrics.Calls.Add(1, new KeyValuePair<string, object?>("grain.type", _binding.Class.Name));
        }

        if (RuntimeMetrics.Activities.HasListeners())
        {
            item.Span = RuntimeMetrics.Activities.StartActivity(item.Describe(), ActivityKind.Internal);
            item.Span?.SetTag("grain.id", GrainId.ToString());
        }

        var caller = RuntimeContext.Current;
        if (caller is not null)
        {
            item.Chain = new CallChain(caller, caller.CurrentTurn, caller.CurrentChain);
        }

        try
        {
            Resolve().Accept(item);
        }
        catch (Exception e)
        {
            item.Fail(e);
        }
    }

    private Activation Resolve()
    {
        var activation = _cached;
        if (activation is null || activation.IsDefunct)
        {
            activation = _binding.Router.Resolve(_binding.Class, Key);
            if (!_binding.Class.IsStatelessWorker)
            {
                _cached = activation;
            }
        }

        return activation;
    }
}
