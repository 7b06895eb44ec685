using System.Collections.Concurrent;

namespace Telephony.Runtime.Tests.Grains;

/// <summary>What test grains did, by key, in order; injected as a singleton.</summary>
public sealed class GrainEventLog
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _events = new();

    public void Record(string key, string what) => _events.GetOrAdd(key, _ => new()).Enqueue(what);

    public IReadOnlyList<string> For(string key) => _events.TryGetValue(key, out var events) ? [.. events] : [];

    public int Count(string key, string what) => For(key).Count(e => e == what);
}
