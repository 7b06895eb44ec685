namespace Telephony.Runtime.Reminders;

/// <summary>Reminder table in process memory, for tests; shared by every silo of a test cluster.</summary>
public sealed class MemoryReminderTable : IReminderTable
{
    private readonly Dictionary<(GrainId, string), ReminderEntry> _rows = [];
    private readonly Lock _lock = new();

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<ReminderEntry> UpsertAsync(GrainId grain, string name, DateTimeOffset dueAt, TimeSpan period, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var version = _rows.TryGetValue((grain, name), out var old) ? old.Version + 1 : 1;
            var entry = new ReminderEntry(grain, name, dueAt, period, version);
            _rows[(grain, name)] = entry;
            return Task.FromResult(entry);
        }
    }

    /// <inheritdoc />
    public Task<ReminderEntry?> ReadAsync(GrainId grain, string name, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.GetValueOrDefault((grain, name)));
        }
    }

    /// <inheritdoc />
    public Task<bool> RemoveAsync(GrainId grain, string name, long? version, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var removable = _rows.TryGetValue((grain, name), out var row) && (version is null || row.Version == version);
            return Task.FromResult(removable && _rows.Remove((grain, name)));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<ReminderEntry> due = [.. _rows.Values.Where(r => r.DueAt <= now).OrderBy(r => r.DueAt).Take(limit)];
            return Task.FromResult(due);
        }
    }

    /// <inheritdoc />
    public Task<ReminderEntry?> TryRescheduleAsync(ReminderEntry entry, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_rows.TryGetValue((entry.Grain, entry.Name), out var row) || row.Version != entry.Version)
            {
                return Task.FromResult<ReminderEntry?>(null);
            }

            var moved = row with { DueAt = dueAt, Version = row.Version + 1 };
            _rows[(entry.Grain, entry.Name)] = moved;
            return Task.FromResult<ReminderEntry?>(moved);
        }
    }
}
