namespace Telephony.Runtime;

/// <summary>A grain that receives durable reminders.</summary>
public interface IRemindable
{
    /// <summary>Called in a turn of the grain when the named reminder comes due.</summary>
    Task ReceiveReminder(string reminderName, TickStatus status);
}

/// <summary>What a reminder tick knows about its schedule.</summary>
/// <param name="Period">Its period; zero for one-shot.</param>
/// <param name="CurrentTickTime">When this tick was due (earlier than now after downtime).</param>
public readonly record struct TickStatus(TimeSpan Period, DateTimeOffset CurrentTickTime);

/// <summary>A handle to a registered reminder.</summary>
public interface IGrainReminder
{
    /// <summary>The reminder's name, unique within its grain.</summary>
    string ReminderName { get; }
}
