using Telephony.GrainInterfaces.Routing;
using Telephony.Grains.Tests.Routing;
using Telephony.Testing;
using static Telephony.Grains.Tests.Routing.RoutingHarness;

namespace Telephony.Grains.Tests.Silos;

/// <summary>
/// A reservation times out at its deadline to the second while it is in memory, and exactly once, soon after a silo is
/// ready again, when its deadline passed while no silo was running.
/// </summary>
public sealed class ReservationTimeoutTests
{
    /// <summary>The reminder period of the restart tests: short, so the backstop shows within seconds.</summary>
    private static readonly Dictionary<string, string?> FastReminders = new() { ["Telephony:Routing:ReminderPeriod"] = "00:00:02" };

    [Fact]
    public async Task A_pending_offer_times_out_at_its_deadline_to_the_second()
    {
        await using var harness = await StartAsync();
        await harness.AddWorkerAsync("agent", ["support"]);
        var queue = await harness.AddQueueAsync(["support"], reservationTimeout: 30);
        var offer = Assert.Single(await harness.ReservationsOfAsync((await harness.AddTaskAsync(queue.Sid)).Sid));

        harness.Time.Advance(TimeSpan.FromSeconds(29));
        var secondBefore = await harness.GetReservationAsync(offer.Sid);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var atDeadline = await harness.WaitForStatusAsync(offer.Sid, ReservationStatus.Timeout);

        Assert.Equal(ReservationStatus.Pending, secondBefore.Status);
        Assert.Equal((1L, offer.DateCreated.AddSeconds(30)), (atDeadline.Version, atDeadline.DateUpdated));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_offer_whose_deadline_passed_while_the_silo_was_down_times_out_once_within_seconds_of_the_restart(bool killed)
    {
        using var store = new TemporarySqliteFile();
        string workspaceSid, workerSid;
        Reservation offer;
        await using (var before = await StartAsync(TimeProvider.System, store, settings: FastReminders))
        {
            workerSid = (await before.AddWorkerAsync("agent", ["support"])).Sid;
            var queue = await before.AddQueueAsync(["support"], reservationTimeout: 8);
            offer = Assert.Single(await before.ReservationsOfAsync((await before.AddTaskAsync(queue.Sid)).Sid));
            workspaceSid = before.WorkspaceSid;
            if (killed)
            {
                await before.Cluster.KillSiloAsync();
            }
        }

        var deadline = offer.DateCreated.AddSeconds(offer.Timeout);
        Assert.True(DateTimeOffset.UtcNow < deadline, "the silo went down before the deadline");
        await Eventually.Until(() => DateTimeOffset.UtcNow > deadline.AddSeconds(1), "the deadline passed while no silo ran");

        await using var after = await StartAsync(TimeProvider.System, store, workspaceSid, FastReminders);
        var ready = DateTimeOffset.UtcNow;

        // Only the worker is read: the reservation must be woken by its reminder, not by a call.
        await Eventually.Until(
            async () => (await after.EventsOfAsync(workerSid)).Any(e => e.EventType == WorkerEventType.ReservationTimeout),
            "the reminder timed the offer out",
            TimeSpan.FromSeconds(60));
        var timedOutWithin = DateTimeOffset.UtcNow - ready;
        var events = await after.EventsOfAsync(workerSid);
        var timedOut = await after.GetReservationAsync(offer.Sid);

        Assert.InRange(timedOutWithin, TimeSpan.Zero, TimeSpan.FromSeconds(30));
        Assert.Equal([WorkerEventType.ReservationCreated, WorkerEventType.ReservationTimeout], events.Select(e => e.EventType));
        Assert.Equal((ReservationStatus.Timeout, 1L), (timedOut.Status, timedOut.Version));
    }
}
