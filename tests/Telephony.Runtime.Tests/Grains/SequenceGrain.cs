using Telephony.Runtime;

namespace Telephony.Runtime.Tests.Grains;

public interface ISequenceGrain : IGrainWithStringKey
{
    Task Record(int number);

    ValueTask<int[]> Recorded();

    ValueTask<int> MostTurnsAtOnce();
}

/// <summary>Records numbers in the order its turns run and notices if two turns ever overlap.</summary>
public sealed class SequenceGrain : Grain, ISequenceGrain
{
    private readonly List<int> _recorded = [];
    private int _inside;
    private int _most;

    public async Task Record(int number)
    {
        var inside = Interlocked.Increment(ref _inside);
        _most = Math.Max(_most, inside);

        // Give other calls every chance to interleave if the runtime let them.
        await Task.Yield();
        _recorded.Add(number);
        Interlocked.Decrement(ref _inside);
    }

    public ValueTask<int[]> Recorded() => ValueTask.FromResult(_recorded.ToArray());

    public ValueTask<int> MostTurnsAtOnce() => ValueTask.FromResult(_most);
}
