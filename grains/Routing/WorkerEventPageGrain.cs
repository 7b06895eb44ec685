using Orleans;
using Orleans.Runtime;
using Telephony.GrainInterfaces.Routing;

namespace Telephony.Grains.Routing;

/// <summary>A sealed page of a worker's event log; written once by the worker, read on replay, cleared when it ages out.</summary>
[GrainType("workereventpage")]
internal sealed class WorkerEventPageGrain(
    [PersistentState("page")] IPersistentState<WorkerEventPageState> state) : Grain, IWorkerEventPageGrain
{
    /// <inheritdoc />
    public async Task Store(IReadOnlyList<WorkerEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        state.State.Events = [.. events];
        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<WorkerEvent>> Get() => Task.FromResult<IReadOnlyList<WorkerEvent>>([.. state.State.Events]);

    /// <inheritdoc />
    public Task Clear() => state.RecordExists ? state.ClearStateAsync() : Task.CompletedTask;
}
