using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Telephony.GrainInterfaces.Routing;
using Telephony.Runtime;

namespace Telephony.Grains.Routing;

/// <summary>Wires task routing into a silo.</summary>
public static class RoutingGrains
{
    /// <summary>Registers the routing grains, the JSON contract of their state and the in-process worker event broadcaster.</summary>
    public static GrainRuntimeBuilder AddRoutingGrains(this GrainRuntimeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddGrains(typeof(RoutingGrains).Assembly).AddJsonContext(RoutingStateJsonContext.Default);
        builder.Services.TryAddSingleton<WorkerEventBroadcaster>();
        builder.Services.TryAddSingleton<IWorkerEventSink>(sp => sp.GetRequiredService<WorkerEventBroadcaster>());
        return builder;
    }
}
