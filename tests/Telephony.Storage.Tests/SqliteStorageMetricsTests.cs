using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using Telephony.Testing;

namespace Telephony.Storage.Tests;

/// <summary>The meter's instruments are process-wide, so these tests run alone, after the others.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Telephony.Storage meter";
}

/// <summary>What the <c>Telephony.Storage</c> meter reports.</summary>
[Collection(MetricsCollection.Name)]
public sealed class SqliteStorageMetricsTests : IDisposable
{
    private readonly TemporarySqliteFile _file = new();
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();

    public SqliteStorageMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == StorageMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _file.Dispose();
    }

    [Fact]
    public async Task Batch_sizes_latencies_and_conflicts_are_measured()
    {
        await using var harness = await SqliteHarness.StartAsync(_file.ConnectionString, options => options.BusyTimeout = TimeSpan.FromMinutes(1));
        var grains = Enumerable.Range(0, 200).Select(_ => GrainId.Create("metered", Guid.NewGuid().ToString("N"))).ToArray();
        Task[] writes;
        using (SqliteFiles.HoldWriteLock(_file.Path))
        {
            writes = grains.Select(grainId => harness.Storage.WriteStateAsync("state", grainId, new GrainState<TestState> { State = TestState.Sample("m") })).ToArray();
        }

        await Task.WhenAll(writes).Within();
        await harness.Storage.ReadStateAsync("state", grains[0], new GrainState<TestState>()).Within();
        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            harness.Storage.WriteStateAsync("state", grains[0], new GrainState<TestState> { State = new TestState(), ETag = "99" }));

        // The refused write was answered by a committed transaction too.
        var batches = Values("telephony.storage.commit.batch_size");
        Assert.Equal(201, batches.Sum());
        Assert.Equal(200, harness.Database.Loop!.CommittedWrites);
        Assert.Equal(harness.Database.Loop!.Transactions, batches.Count);
        Assert.True(batches.Count < 100);
        Assert.Equal(201, Values("telephony.storage.write.duration", ("provider", SqliteHarness.ProviderName)).Count);
        Assert.Single(Values("telephony.storage.read.duration", ("provider", SqliteHarness.ProviderName), ("outcome", "ok")));
        Assert.Equal([1.0], Values("telephony.storage.etag_conflicts", ("provider", SqliteHarness.ProviderName), ("operation", "write")));
        Assert.Equal([1.0], Values("telephony.storage.write.duration", ("outcome", "conflict")).Select(_ => 1.0));
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _measurements.Enqueue((instrument.Name, value, copy));
    }

    private List<double> Values(string instrument, params (string Key, string Value)[] tags) =>
        _measurements
            .Where(m => m.Instrument == instrument && tags.All(tag => Equals(m.Tags.GetValueOrDefault(tag.Key), tag.Value)))
            .Select(m => m.Value)
            .ToList();
}
