using Telephony.Runtime;

namespace Telephony.Runtime.Tests.Grains;

public interface IDetachingGrain : IGrainWithStringKey
{
    /// <summary>Sends <c>Record(number)</c> to a sequence grain as a detached call and returns without waiting for it.</summary>
    Task SendRecord(string sequenceKey, int number);

    /// <summary>Waits for <paramref name="other"/>'s <see cref="Poke"/>, which calls this grain back detached; logs "asked".</summary>
    Task Ask(string other);

    /// <summary>Calls <paramref name="caller"/>'s <see cref="Poked"/> as a detached call.</summary>
    Task Poke(string caller);

    /// <summary>Logs "poked".</summary>
    Task Poked();
}

/// <summary>Makes detached calls and logs how they end, for the detached-call tests.</summary>
public sealed class DetachingGrain(GrainEventLog log) : Grain, IDetachingGrain
{
    public Task SendRecord(string sequenceKey, int number)
    {
        Observe(DetachedCall.Start(() => GrainFactory.GetGrain<ISequenceGrain>(sequenceKey).Record(number)));
        return Task.CompletedTask;
    }

    public async Task Ask(string other)
    {
        await GrainFactory.GetGrain<IDetachingGrain>(other).Poke(GrainKey);
        log.Record(GrainKey, "asked");
    }

    public Task Poke(string caller)
    {
        Observe(DetachedCall.Start(() => GrainFactory.GetGrain<IDetachingGrain>(caller).Poked()));
        return Task.CompletedTask;
    }

    public Task Poked()
    {
        log.Record(GrainKey, "poked");
        return Task.CompletedTask;
    }

    private void Observe(Task sent)
    {
        var key = GrainKey;
        _ = sent.ContinueWith(t => log.Record(key, t.IsFaulted ? "detached call failed: " + t.Exception!.InnerException!.Message : "detached call done"), TaskScheduler.Default);
    }
}
