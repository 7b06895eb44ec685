using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Telephony.Runtime.Diagnostics;

/// <summary>The runtime's meters and activity source; names are stable for dashboards.</summary>
public static class RuntimeMetrics
{
    /// <summary>Name of the meter and activity source.</summary>
    public const string Name = "Telephony.Runtime";

    /// <summary>Spans around grain calls, activations and reminder ticks.</summary>
    public static readonly ActivitySource Activities = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Grain calls made.</summary>
    public static readonly Counter<long> Calls = Meter.CreateCounter<long>("telephony.grain.calls", description: "Grain calls made");

    /// <summary>Grain calls that failed with an exception.</summary>
    public static readonly Counter<long> CallFailures = Meter.CreateCounter<long>("telephony.grain.call_failures", description: "Grain calls that threw");

    /// <summary>Live activations.</summary>
    public static readonly UpDownCounter<long> Activations = Meter.CreateUpDownCounter<long>("telephony.grain.activations", description: "Live grain activations");

    /// <summary>How long a turn that went asynchronous took, in milliseconds.</summary>
    public static readonly Histogram<double> TurnDuration = Meter.CreateHistogram<double>("telephony.grain.turn.duration", "ms", "Duration of asynchronous grain turns");

    /// <summary>Storage operation latency, in milliseconds, tagged by operation.</summary>
    public static readonly Histogram<double> StorageDuration = Meter.CreateHistogram<double>("telephony.storage.duration", "ms", "Grain storage latency");

    /// <summary>Writes refused because their ETag was stale.</summary>
    public static readonly Counter<long> StorageConflicts = Meter.CreateCounter<long>("telephony.storage.conflicts", description: "Stale grain state writes");

    /// <summary>Reminder ticks delivered.</summary>
    public static readonly Counter<long> RemindersFired = Meter.CreateCounter<long>("telephony.reminders.fired", description: "Reminder ticks delivered");

    /// <summary>Records a storage operation that started at <paramref name="startedTimestamp"/>.</summary>
    public static void RecordStorage(string operation, long startedTimestamp)
    {
        if (StorageDuration.Enabled)
        {
            StorageDuration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds, new KeyValuePair<string, object?>("operation", operation));
        }
    }
}
