using System.Collections.Concurrent;
using Orleans;
using Orleans.Concurrency;
using Orleans.Runtime;
using Telephony.Grains;

namespace Telephony.SiloHost;

/// <summary>
/// Drops an activation of the product's grains whose call failed, so the next call starts from what storage holds.
/// A grain changes its state in memory before it writes it; when the write (or anything after the change) fails,
/// the memory holds a change storage does not, and a repeated request would be taken for one already applied.
/// Orleans does this by itself only for <c>InconsistentStateException</c>.
/// </summary>
internal sealed class FailedCallReload : IIncomingGrainCallFilter
{
    private static readonly System.Reflection.Assembly Grains = typeof(TelephonyGrains).Assembly;

    // Decided once per grain class: every grain call passes here.
    private readonly ConcurrentDictionary<Type, bool> _holdsState = new();

    /// <inheritdoc />
    public Task Invoke(IIncomingGrainCallContext context) =>
        context.TargetContext.GrainInstance is { } grain && _holdsState.GetOrAdd(grain.GetType(), HoldsState)
            ? InvokeAndReloadOnFailureAsync(context)
            : context.Invoke();

    private static async Task InvokeAndReloadOnFailureAsync(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception e)
        {
            context.TargetContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, $"A call failed and may have left unstored changes: {e.GetType().Name}"));
            throw;
        }
    }

    private static bool HoldsState(Type grain) => grain.Assembly == Grains && !Attribute.IsDefined(grain, typeof(StatelessWorkerAttribute));
}
