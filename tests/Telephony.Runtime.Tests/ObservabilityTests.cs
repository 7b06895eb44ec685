using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Telephony.Runtime.Diagnostics;
using Telephony.Runtime.Tests.Grains;

namespace Telephony.Runtime.Tests;

// Listeners are process-wide: run apart from the other tests so their counts are this test's own.
[CollectionDefinition(nameof(ObservabilityTests), DisableParallelization = true)]
public sealed class ObservabilityCollection;

[Collection(nameof(ObservabilityTests))]
public sealed class ObservabilityTests
{
    [Fact]
    public async Task Grain_calls_are_counted_by_grain_type_and_traced_as_spans()
    {
        var calls = new ConcurrentDictionary<string, long>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == RuntimeMetrics.Name && instrument.Name == "telephony.grain.calls")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "grain.type")
                {
                    calls.AddOrUpdate((string)tag.Value!, value, (_, total) => total + value);
                }
            }
        });
        meters.Start();
        var spans = new ConcurrentQueue<Activity>();
        using var tracing = new ActivityListener
        {
            ShouldListenTo = source => source.Name == RuntimeMetrics.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(tracing);

        await using var cluster = await RuntimeFixture.StartAsync(new GrainEventLog());
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>("observed");
        await counter.Add(1);
        await counter.Add(2);
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await counter.Fail("boom"));

        Assert.True(calls.TryGetValue("Counter", out var counted) && counted >= 3, $"counted {counted} Counter calls");
        var traced = spans.Where(s => s.GetTagItem("grain.id") as string == "Counter/observed").ToList();
        Assert.Equal(["ICounterGrain.Add", "ICounterGrain.Add", "ICounterGrain.Fail"], traced.Select(s => s.DisplayName));
        Assert.Equal(ActivityStatusCode.Error, traced[2].Status);
        Assert.Equal("boom", traced[2].StatusDescription);
    }
}
