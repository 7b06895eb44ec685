namespace Telephony.Runtime.Reminders;

/// <summary>Durable store of reminders; every change is conditional on the row's version so one silo wins each tick.</summary>
public interface IReminderTable
{
    /// <summary>Creates the schema if needed.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Creates or replaces a reminder, returning the stored row.</summary>
    Task<ReminderEntry> UpsertAsync(GrainId grain, string name, DateTimeOffset dueAt, TimeSpan period, CancellationToken cancellationToken);

    /// <summary>Reads one reminder; null when absent.</summary>
    Task<ReminderEntry?> ReadAsync(GrainId grain, string name, CancellationToken cancellationToken);

    /// <summary>Removes a reminder if it still has <paramref name="version"/> (any version when null); true when removed.</summary>
    Task<bool> RemoveAsync(GrainId grain, string name, long? version, CancellationToken cancellationToken);

    /// <summary>Reminders due at or before <paramref name="now"/>, earliest first.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Moves a reminder to <paramref name="dueAt"/> if it still has the entry's version; null when someone else changed it.</summary>
    Task<ReminderEntry?> TryRescheduleAsync(ReminderEntry entry, DateTimeOffset dueAt, CancellationToken cancellationToken);
}
