using Telephony.Runtime;

namespace Telephony.Runtime.Tests.Grains;

public interface IGateGrain : IGrainWithStringKey
{
    /// <summary>Returns once the test opens its gate: a turn that ends asynchronously, on another thread.</summary>
    Task PassGate();
}

/// <summary>A single-activation grain whose calls wait at the test's gate.</summary>
public sealed class GateGrain(PoolGate gate) : Grain, IGateGrain
{
    public async Task PassGate() => await gate.Wait();
}
