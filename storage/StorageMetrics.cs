using System.Diagnostics.Metrics;

namespace Telephony.Storage;

/// <summary>The <c>Telephony.Storage</c> meter: storage latencies, group-commit batch sizes and ETag conflicts.</summary>
public static class StorageMetrics
{
    /// <summary>Name of the meter, for <c>AddMeter</c> in OpenTelemetry set-up.</summary>
    public const string MeterName = "Telephony.Storage";

    private static readonly Meter Meter = new(MeterName);

    // Explicit buckets: the default ones are meant for milliseconds, and these durations are in seconds.
    private static readonly InstrumentAdvice<double> DurationBuckets = new()
    {
        HistogramBucketBoundaries = [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    };

    /// <summary>Time from asking for a grain state to having it, queueing included.</summary>
    internal static readonly Histogram<double> ReadDuration = Meter.CreateHistogram(
        "telephony.storage.read.duration", "s", "Time to read one grain state, queueing included.", tags: null, advice: DurationBuckets);

    /// <summary>Time from asking for a write or clear to its commit (or refusal), queueing included.</summary>
    internal static readonly Histogram<double> WriteDuration = Meter.CreateHistogram(
        "telephony.storage.write.duration", "s", "Time to write or clear one grain state until committed, queueing included.", tags: null, advice: DurationBuckets);

    /// <summary>Writes and clears carried by one committed transaction, refused ones included (they were answered by it).</summary>
    internal static readonly Histogram<int> CommitBatchSize = Meter.CreateHistogram(
        "telephony.storage.commit.batch_size", "{write}", "Grain state writes and clears carried by one committed transaction.", tags: null,
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048] });

    /// <summary>Writes and clears refused because the stored ETag was not the caller's.</summary>
    internal static readonly Counter<long> ETagConflicts = Meter.CreateCounter<long>(
        "telephony.storage.etag_conflicts", "{conflict}", "Writes and clears refused because the stored ETag differed.");

    /// <summary>Transactions that failed, taking their writes with them.</summary>
    internal static readonly Counter<long> FailedCommits = Meter.CreateCounter<long>(
        "telephony.storage.commit.failures", "{transaction}", "Transactions that failed to commit.");
}
