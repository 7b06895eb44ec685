namespace Telephony.Runtime;

/// <summary>Runtime settings of one silo.</summary>
public sealed class SiloOptions
{
    /// <summary>The silo's name in logs and cluster membership.</summary>
    public string Name { get; set; } = Environment.MachineName;

    /// <summary>How long an activation may stay idle before it is collected.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the collector looks for idle activations; collection happens within one quantum after the age.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the reminder service looks for due reminders.</summary>
    public TimeSpan ReminderPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a silo holds a reminder tick it is delivering before another silo may retry it.</summary>
    public TimeSpan ReminderLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>When a reminder tick fails, how long until it is tried again.</summary>
    public TimeSpan ReminderRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a graceful stop waits for activations to deactivate.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
