namespace Telephony.Runtime.Storage;

/// <summary>Grain storage in process memory, for tests; same semantics as the durable stores.</summary>
public sealed class MemoryGrainStorage : IGrainStorage
{
    private readonly Dictionary<GrainStateKey, GrainStateRecord> _records = [];
    private readonly Lock _lock = new();

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public ValueTask<GrainStateRecord?> ReadAsync(GrainStateKey key, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_records.GetValueOrDefault(key));
        }
    }

    /// <inheritdoc />
    public ValueTask<long> WriteAsync(GrainStateKey key, byte[]? payload, long? expectedVersion, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            long? stored = _records.TryGetValue(key, out var record) ? record.Version : null;
            if (stored != expectedVersion)
            {
                throw StorageConflict.Create(key, expectedVersion, stored is null ? "no record" : "version " + stored);
            }

            var version = (stored ?? 0) + 1;
            _records[key] = new GrainStateRecord(payload?.ToArray(), version);
            return ValueTask.FromResult(version);
        }
    }

    /// <inheritdoc />
    public Task<bool> PingAsync(CancellationToken cancellationToken) => Task.FromResult(true);
}
