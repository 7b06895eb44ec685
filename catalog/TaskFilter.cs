namespace Telephony.Catalog;

/// <summary>What a task list asks of its tasks; an unset field does not filter.</summary>
public sealed record TaskFilter
{
    /// <summary>Only tasks in this assignment status (its name, exactly).</summary>
    public string? Status { get; init; }

    /// <summary>Only tasks of this queue.</summary>
    public string? QueueSid { get; init; }

    /// <summary>Whether <paramref name="entry"/> passes every filter.</summary>
    public bool Matches(TaskEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return (Status is null || string.Equals(Status, entry.Status, StringComparison.Ordinal))
            && (QueueSid is null || string.Equals(QueueSid, entry.QueueSid, StringComparison.Ordinal));
    }
}
