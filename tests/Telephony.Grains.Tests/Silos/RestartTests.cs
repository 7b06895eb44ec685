using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using Telephony.GrainInterfaces.Routing;
using Telephony.GrainInterfaces.Sessions;
using Telephony.Grains.Sessions;
using Telephony.Grains.Tests.Routing;
using Telephony.Grains.Tests.Sessions;
using Telephony.Testing;
using static Telephony.Grains.Tests.Sessions.SessionHarness;

namespace Telephony.Grains.Tests.Silos;

/// <summary>What Orleans and our store guarantee the product: state and reminders survive a restart, collected grains come back with their state, and a stale write reloads.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task A_new_silo_on_the_same_sqlite_file_has_the_sessions_reservations_and_pending_timeouts_of_the_stopped_one()
    {
        using var store = new TemporarySqliteFile();
        var time = new ManualTimeProvider();
        SessionInfo chat;
        Reservation offer;
        string workspaceSid;
        await using (var sessions = await SessionHarness.StartAsync(store, time))
        {
            chat = Succeeded(await sessions.Session("chat-1").Start(Agent, new NewSession { Channel = FlowChannels.Chat, Destination = "customer@acme.example" }));
        }

        await using (var routing = await RoutingHarness.StartAsync(time, store))
        {
            await routing.AddWorkerAsync("agent", ["support"]);
            var queue = await routing.AddQueueAsync(["support"], reservationTimeout: 60);
            offer = Assert.Single(await routing.ReservationsOfAsync((await routing.AddTaskAsync(queue.Sid)).Sid));
            workspaceSid = routing.WorkspaceSid;
        }

        await using var after = await RoutingHarness.StartAsync(time, store, workspaceSid);
        var chatAfter = Succeeded(await after.Grains.GetGrain<ISessionGrain>("chat-1").Get(AccountId));
        var pending = await after.GetReservationAsync(offer.Sid);
        time.Advance(TimeSpan.FromSeconds(60));
        var timedOut = await after.WaitForStatusAsync(offer.Sid, ReservationStatus.Timeout);

        Assert.Equal(chat.Log, chatAfter.Log);
        Assert.Equal((chat.Channel, chat.Destination, chat.Members.Count), (chatAfter.Channel, chatAfter.Destination, chatAfter.Members.Count));
        Assert.Equal(offer, pending);
        Assert.Equal(1, timedOut.Version);
    }

    [Fact]
    public async Task A_grain_collected_when_idle_comes_back_with_its_state()
    {
        await using var harness = await SessionHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Telephony:Silo:CollectionAge"] = "00:00:02",
            ["Telephony:Silo:CollectionQuantum"] = "00:00:01",
        });
        var session = harness.Session("chat-1");
        var started = Succeeded(await session.Start(Agent, new NewSession { Channel = FlowChannels.Chat, Destination = "customer@acme.example" }));

        await Eventually.Until(() => !harness.Cluster.IsActive(session), "the idle session was collected");
        var back = await harness.GetAsync("chat-1");

        Assert.Equal(started.Log, back.Log);
        Assert.Equal(started.Members.Single().Identity, back.Members.Single().Identity);
    }

    [Fact]
    public async Task A_write_refused_as_stale_drops_the_activation_and_the_next_call_sees_what_storage_holds()
    {
        FaultyGrainStorage? storage = null;
        await using var harness = await SessionHarness.StartAsync(services: s => s.WrapDefaultGrainStorage(created => storage = created));
        var session = harness.Session("chat-1");
        Succeeded(await session.Start(Agent, new NewSession { Channel = FlowChannels.Chat, Destination = "customer@acme.example" }));
        await storage!.WriteAsAnotherActivationAsync<SessionState>("session", session.GetGrainId(), state =>
            state.Session = state.Session! with { ConsoleData = "written elsewhere" });

        await Assert.ThrowsAsync<InconsistentStateException>(() => session.Patch(Agent, new PatchSession { SessionId = "chat-1", ConsoleData = "written here" }));
        var reloaded = await harness.GetAsync("chat-1");
        var patched = Succeeded(await session.Patch(Agent, new PatchSession { SessionId = "chat-1", ConsoleData = "written here" }));

        Assert.Equal("written elsewhere", reloaded.ConsoleData);
        Assert.Equal("written here", patched.ConsoleData);
    }
}
