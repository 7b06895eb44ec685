namespace Telephony.Runtime.Reminders;

/// <summary>A durable reminder row: when it is next due, its period (zero for one-shot) and its version.</summary>
public sealed record ReminderEntry(GrainId Grain, string Name, DateTimeOffset DueAt, TimeSpan Period, long Version)
{
    /// <summary>True for a reminder that fires once and is then removed.</summary>
    public bool IsOneShot => Period <= TimeSpan.Zero;
}
