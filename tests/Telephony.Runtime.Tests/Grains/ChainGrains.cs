using Telephony.Runtime;

namespace Telephony.Runtime.Tests.Grains;

/// <summary>Calls that walk a route of grains, for call-chain tests.</summary>
public interface IChainCalls
{
    /// <summary>Calls the first grain of <paramref name="route"/> with the rest, and returns the keys visited.</summary>
    Task<string> Visit(string[] route);
}

public interface IChainGrain : IChainCalls, IGrainWithStringKey;

public interface IReentrantChainGrain : IChainCalls, IGrainWithStringKey;

public abstract class ChainGrainBase : Grain, IChainCalls
{
    public async Task<string> Visit(string[] route)
    {
        if (route.Length == 0)
        {
            return GrainKey;
        }

        return GrainKey + ">" + await Next(route[0]).Visit(route[1..]);
    }

    protected abstract IChainCalls Next(string key);
}

/// <summary>Non-reentrant: a route that comes back to it is a deadlock.</summary>
public sealed class ChainGrain : ChainGrainBase, IChainGrain
{
    protected override IChainCalls Next(string key) => GrainFactory.GetGrain<IChainGrain>(key);
}

/// <summary>Lets calls on its own call chain interleave.</summary>
[AllowCallChainReentrancy]
public sealed class ReentrantChainGrain : ChainGrainBase, IReentrantChainGrain
{
    protected override IChainCalls Next(string key) => GrainFactory.GetGrain<IReentrantChainGrain>(key);
}
