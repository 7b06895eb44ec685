using System.Runtime.CompilerServices;
using Telephony.Runtime;

namespace Telephony.Runtime.Tests.Grains;

public interface IPoolGrain : IGrainWithStringKey
{
    /// <summary>Waits at the test's gate and returns which activation ran the call.</summary>
    Task<int> WaitAtGate();
}

/// <summary>Lets tests hold calls open until they release them.</summary>
public sealed class PoolGate
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _waiting;

    public int Waiting => Volatile.Read(ref _waiting);

    public Task Wait()
    {
        Interlocked.Increment(ref _waiting);
        return _open.Task;
    }

    public void Open() => _open.TrySetResult();
}

/// <summary>A stateless worker allowing four activations per key.</summary>
[StatelessWorker(4)]
public sealed class PoolGrain(PoolGate gate) : Grain, IPoolGrain
{
    public async Task<int> WaitAtGate()
    {
        await gate.Wait();
        return RuntimeHelpers.GetHashCode(this);
    }
}
