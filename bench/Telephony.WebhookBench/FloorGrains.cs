using Orleans;
using Orleans.Concurrency;
using Orleans.GrainReferences;
using Orleans.Metadata;
using Orleans.Runtime;

/// <summary>The first hop of the Orleans floor: a stateless worker that hands a request to a keyed grain, as the provider grain does.</summary>
[Alias("bench.IFloorRelayGrain")]
public interface IFloorRelayGrain : IGrainWithStringKey
{
    /// <summary>Hands step <paramref name="step"/> of a leg to its grain.</summary>
    [Alias("Relay")]
    Task Relay(string leg, int step);
}

/// <summary>The second hop: a keyed grain that stores its state on every call and leaves memory after its fourth, as a call leg does.</summary>
[Alias("bench.IFloorLegGrain")]
public interface IFloorLegGrain : IGrainWithStringKey
{
    /// <summary>Stores the leg's state for step <paramref name="step"/> (0 to 3).</summary>
    [Alias("Store")]
    Task Store(int step);
}

/// <summary>Relays to the leg grain through a reference made without Orleans' per-call interface lookup, as the product does.</summary>
[StatelessWorker]
[Reentrant]
public sealed class FloorRelayGrain(GrainReferenceActivator references, GrainInterfaceTypeResolver interfaces) : Grain, IFloorRelayGrain
{
    private readonly GrainInterfaceType _leg = interfaces.GetGrainInterfaceType(typeof(IFloorLegGrain));

    /// <inheritdoc />
    public Task Relay(string leg, int step) => ((IFloorLegGrain)references.CreateReference(GrainId.Create("floorleg", leg), _leg)).Store(step);
}

/// <summary>Writes a state about as large as a finished call leg's on every call.</summary>
public sealed class FloorLegGrain([PersistentState("call")] IPersistentState<FloorState> state) : Grain, IFloorLegGrain
{
    private static readonly string Payload = new('x', 320);

    /// <inheritdoc />
    public async Task Store(int step)
    {
        state.State.Payload = Payload;
        await state.WriteStateAsync();
        if (step == 3)
        {
            DeactivateOnIdle();
        }
    }
}
