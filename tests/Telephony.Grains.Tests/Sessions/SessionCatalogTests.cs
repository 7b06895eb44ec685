using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Telephony.Catalog;
using Telephony.Catalog.Memory;
using Telephony.GrainInterfaces.Sessions;
using Telephony.Testing;
using static Telephony.Grains.Tests.Sessions.SessionHarness;

namespace Telephony.Grains.Tests.Sessions;

/// <summary>The session grain keeps the catalog in step with its stored versions, and repairs it after a failure between the two writes.</summary>
public sealed class SessionCatalogTests
{
    [Fact]
    public async Task Every_stored_version_reaches_the_catalog_with_the_session_as_the_api_shows_it()
    {
        var catalog = new FlakyCatalog();
        await using var harness = await StartAsync(services: s => s.Replace(ServiceDescriptor.Singleton<ISessionCatalog>(catalog)));
        var session = harness.Session("s1");
        Succeeded(await session.Start(Agent, new NewSession { Channel = FlowChannels.Chat, Destination = Customer }));
        var live = await catalog.FindLiveAsync(AccountId, Agent.UserId, new PageRequest(10), default);

        var ended = Succeeded(await session.End(Agent, new EndSession { SessionId = "s1" }));

        var entry = Assert.Single((await catalog.FindAsync(AccountId, new SessionFilter(), new PageRequest(10), default)).Items);
        Assert.Equal(["s1"], live.Items.Select(e => e.SessionId));
        Assert.True(entry.Ended);
        Assert.Equal(JsonSerializer.Serialize(ended, SessionJsonContext.Default.SessionInfo), JsonSerializer.Serialize(JsonSerializer.Deserialize(entry.Document, SessionJsonContext.Default.SessionInfo), SessionJsonContext.Default.SessionInfo));
        Assert.Empty((await catalog.FindLiveAsync(AccountId, null, new PageRequest(10), default)).Items);
    }

    [Fact]
    public async Task A_version_that_failed_to_reach_the_catalog_gets_there_when_the_session_activates_again()
    {
        var catalog = new FlakyCatalog();
        await using var harness = await StartAsync(services: s => s.Replace(ServiceDescriptor.Singleton<ISessionCatalog>(catalog)));
        var session = harness.Session("s1");
        Succeeded(await session.Start(Agent, new NewSession { Channel = FlowChannels.Chat, Destination = Customer }));
        var before = Assert.Single((await catalog.FindAsync(AccountId, new SessionFilter(), new PageRequest(10), default)).Items);

        catalog.FailNextSave = true;
        await Assert.ThrowsAsync<IOException>(() => session.End(Agent, new EndSession { SessionId = "s1" }));
        var missed = Assert.Single((await catalog.FindAsync(AccountId, new SessionFilter(), new PageRequest(10), default)).Items);

        // The failed call dropped the activation: the next call activates the session from storage, which repairs the catalog.
        var stored = Succeeded(await session.Get(AccountId));
        var repaired = Assert.Single((await catalog.FindAsync(AccountId, new SessionFilter(), new PageRequest(10), default)).Items);

        Assert.Equal(before.Version, missed.Version);
        Assert.True(stored.Ended);
        Assert.Equal((before.Version + 1, true), (repaired.Version, repaired.Ended));
        Assert.Empty((await catalog.FindLiveAsync(AccountId, null, new PageRequest(10), default)).Items);
    }

    [Fact]
    public async Task A_session_on_sqlite_is_listed_from_the_catalog_after_a_restart()
    {
        using var store = new TemporarySqliteFile();
        await using (var first = await StartAsync(store))
        {
            Succeeded(await first.Session("s1").Start(Agent, new NewSession { Channel = FlowChannels.Chat, Destination = Customer }));
        }

        await using var second = await StartAsync(store);
        var catalog = second.Cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<ISessionCatalog>();

        var live = await catalog.FindLiveAsync(AccountId, Agent.UserId, new PageRequest(10), default);

        Assert.Equal(["s1"], live.Items.Select(e => e.SessionId));
    }

    /// <summary>The memory catalog, whose next save can be made to fail as a lost connection would.</summary>
    private sealed class FlakyCatalog : ISessionCatalog
    {
        private readonly MemorySessionCatalog _inner = new();

        public bool FailNextSave { get; set; }

        public Task<bool> SaveAsync(SessionEntry entry, CancellationToken cancellationToken)
        {
            if (FailNextSave)
            {
                FailNextSave = false;
                throw new IOException("The catalog could not be reached.");
            }

            return _inner.SaveAsync(entry, cancellationToken);
        }

        public Task<CatalogPage<SessionEntry>> FindAsync(string accountId, SessionFilter filter, PageRequest page, CancellationToken cancellationToken) =>
            _inner.FindAsync(accountId, filter, page, cancellationToken);

        public Task<int> CountAsync(string accountId, SessionFilter filter, CancellationToken cancellationToken) =>
            _inner.CountAsync(accountId, filter, cancellationToken);

        public Task<CatalogPage<SessionEntry>> FindLiveAsync(string accountId, string? userId, PageRequest page, CancellationToken cancellationToken) =>
            _inner.FindLiveAsync(accountId, userId, page, cancellationToken);
    }
}
