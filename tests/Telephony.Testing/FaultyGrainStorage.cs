using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace Telephony.Testing;

/// <summary>
/// Wraps a silo's grain storage and fails the writes a test picks, as a full disk or a lost connection would (the
/// write throws and nothing is stored), or writes behind a grain's back as another activation would. Passes the
/// silo's lifecycle on to the storage it wraps.
/// </summary>
public sealed class FaultyGrainStorage(IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly Lock _lock = new();
    private Func<string, GrainId, bool>? _failNext;

    /// <summary>How many writes were failed so far.</summary>
    public int Failed { get; private set; }

    /// <summary>Fails the next write (or clear) for which <paramref name="match"/> of state name and grain id holds.</summary>
    public void FailNextWrite(Func<string, GrainId, bool> match)
    {
        lock (_lock)
        {
            _failNext = match;
        }
    }

    /// <summary>
    /// Changes a stored state behind the back of the grain that holds it, as another activation's write would: the
    /// grain's next write of it carries an outdated ETag.
    /// </summary>
    public async Task WriteAsAnotherActivationAsync<T>(string stateName, GrainId grainId, Action<T> change)
        where T : new()
    {
        var stored = new GrainState<T>(new T());
        await inner.ReadStateAsync(stateName, grainId, stored);
        change(stored.State ?? throw new InvalidOperationException($"Nothing is stored for {grainId} '{stateName}'."));
        await inner.WriteStateAsync(stateName, grainId, stored);
    }

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ShouldFail(stateName, grainId) ? Task.FromException(new IOException($"Injected storage failure writing {grainId} '{stateName}'.")) : inner.WriteStateAsync(stateName, grainId, grainState);

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ShouldFail(stateName, grainId) ? Task.FromException(new IOException($"Injected storage failure clearing {grainId} '{stateName}'.")) : inner.ClearStateAsync(stateName, grainId, grainState);

    /// <inheritdoc />
    public void Participate(ISiloLifecycle observer) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(observer);

    private bool ShouldFail(string stateName, GrainId grainId)
    {
        lock (_lock)
        {
            if (_failNext is null || !_failNext(stateName, grainId))
            {
                return false;
            }

            _failNext = null;
            Failed++;
            return true;
        }
    }
}
