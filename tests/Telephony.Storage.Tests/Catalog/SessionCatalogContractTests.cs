using System.Text;
using Telephony.Catalog;
using Telephony.Testing;

namespace Telephony.Storage.Tests.Catalog;

/// <summary>
/// What every session catalog must do, whatever keeps it: newer versions win, lists run newest first and page without
/// repeats or gaps, filters and live lists answer exactly, and accounts never see each other's sessions.
/// </summary>
public abstract class SessionCatalogContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The catalog under test, empty at the start of each test.</summary>
    protected ISessionCatalog Catalog { get; private set; } = null!;

    /// <summary>Makes an empty catalog.</summary>
    protected abstract Task<ISessionCatalog> CreateAsync();

    /// <summary>Lets go of the catalog.</summary>
    protected abstract Task CloseAsync();

    /// <inheritdoc />
    public async Task InitializeAsync() => Catalog = await CreateAsync();

    /// <inheritdoc />
    public Task DisposeAsync() => CloseAsync();

    [Fact]
    public async Task A_saved_session_is_listed_with_every_field_as_saved()
    {
        var entry = Entry("s1", minutes: 5) with { FromAddress = "+15550001111", ToAddress = "agent@example.com", Users = ["u1", "u2"] };

        Assert.True(await Catalog.SaveAsync(entry, default).Within());

        var page = await Catalog.FindAsync("acct", new SessionFilter(), new PageRequest(10), default).Within();
        var found = Assert.Single(page.Items);
        Assert.Equal(entry with { Document = found.Document, Users = found.Users }, found);
        Assert.Equal(entry.Users, found.Users);
        Assert.Equal(entry.Document, found.Document);
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task A_newer_version_replaces_the_entry_and_an_older_or_equal_one_changes_nothing()
    {
        await Catalog.SaveAsync(Entry("s1", minutes: 0, version: 3), default).Within();

        Assert.False(await Catalog.SaveAsync(Entry("s1", minutes: 0, version: 2, ended: true), default).Within());
        Assert.False(await Catalog.SaveAsync(Entry("s1", minutes: 0, version: 3, ended: true), default).Within());
        Assert.Equal([3L], (await AllAsync()).Select(e => e.Version));
        Assert.Single((await Catalog.FindLiveAsync("acct", null, new PageRequest(10), default).Within()).Items);

        Assert.True(await Catalog.SaveAsync(Entry("s1", minutes: 0, version: 4, ended: true), default).Within());
        var stored = Assert.Single(await AllAsync());
        Assert.Equal((4L, true), (stored.Version, stored.Ended));
    }

    [Fact]
    public async Task Lists_run_newest_first_and_by_id_among_sessions_of_the_same_tick()
    {
        await SaveAsync(Entry("c", minutes: 1), Entry("a", minutes: 2), Entry("b", minutes: 1), Entry("d", minutes: 0));

        Assert.Equal(["a", "b", "c", "d"], (await AllAsync()).Select(e => e.SessionId));
    }

    [Fact]
    public async Task Continuation_pages_walk_every_session_once_in_list_order()
    {
        // Three sessions share each minute, so pages end inside a tick too.
        var entries = Enumerable.Range(0, 30).Select(i => Entry($"s{i:00}", minutes: i / 3)).ToArray();
        await SaveAsync(entries);
        var expected = entries.OrderByDescending(e => e.DateCreated).ThenBy(e => e.SessionId, StringComparer.Ordinal).Select(e => e.SessionId);

        var seen = new List<string>();
        CatalogPosition? after = null;
        var pages = 0;
        do
        {
            var page = await Catalog.FindAsync("acct", new SessionFilter(), new PageRequest(7, after), default).Within();
            seen.AddRange(page.Items.Select(e => e.SessionId));
            after = page.Next;
            pages++;
        }
        while (after is not null);

        Assert.Equal(expected, seen);
        Assert.Equal(5, pages);
    }

    [Fact]
    public async Task A_page_ending_exactly_at_the_last_session_says_none_follow()
    {
        await SaveAsync(Entry("s1", minutes: 1), Entry("s2", minutes: 2));

        var page = await Catalog.FindAsync("acct", new SessionFilter(), new PageRequest(2), default).Within();

        Assert.Equal(2, page.Items.Count);
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task Numbered_pages_skip_the_sessions_before_them()
    {
        await SaveAsync([.. Enumerable.Range(0, 10).Select(i => Entry($"s{i}", minutes: i))]);

        var page = await Catalog.FindAsync("acct", new SessionFilter(), new PageRequest(3, Skip: 6), default).Within();

        Assert.Equal(["s3", "s2", "s1"], page.Items.Select(e => e.SessionId));
        Assert.Equal(new CatalogPosition(Start.AddMinutes(1).UtcTicks, "s1"), page.Next);
    }

    [Fact]
    public async Task Filters_pick_by_ended_channel_addresses_without_ascii_case_and_creation_time()
    {
        await SaveAsync(
            Entry("voice-live", minutes: 1) with { FromAddress = "+15551230000", ToAddress = "Sales@Example.com" },
            Entry("voice-ended", minutes: 2, ended: true) with { FromAddress = "+15559990000", ToAddress = "support@example.com" },
            Entry("chat", minutes: 3) with { Channel = "Chat", FromAddress = null, ToAddress = "+15551234567" },
            Entry("late", minutes: 60 * 24) with { ToAddress = "sales@example.com" });

        Assert.Equal(["voice-ended"], await IdsAsync(new SessionFilter { Ended = true }));
        Assert.Equal(["late", "chat", "voice-live"], await IdsAsync(new SessionFilter { Ended = false }));
        Assert.Equal(["chat"], await IdsAsync(new SessionFilter { Channel = "Chat" }));
        Assert.Equal(["voice-live"], await IdsAsync(new SessionFilter { FromContains = "123" }));
        Assert.Equal(["late", "voice-live"], await IdsAsync(new SessionFilter { ToContains = "SALES@" }));
        Assert.Equal(["chat", "voice-ended"], await IdsAsync(new SessionFilter { CreatedFrom = Start.AddMinutes(2), CreatedBefore = Start.AddMinutes(4) }));
        Assert.Equal(["voice-ended", "voice-live"], await IdsAsync(new SessionFilter { CreatedBefore = Start.AddMinutes(3) }));
        Assert.Equal(["late"], await IdsAsync(new SessionFilter { ToContains = "sales", CreatedFrom = Start.AddMinutes(2) }));
        Assert.Empty(await IdsAsync(new SessionFilter { FromContains = "%" }));
    }

    [Fact]
    public async Task A_count_covers_every_session_that_passes_the_filter()
    {
        await SaveAsync([.. Enumerable.Range(0, 9).Select(i => Entry($"s{i}", minutes: i, ended: i % 3 == 0))]);

        Assert.Equal(9, await Catalog.CountAsync("acct", new SessionFilter(), default).Within());
        Assert.Equal(3, await Catalog.CountAsync("acct", new SessionFilter { Ended = true }, default).Within());
        Assert.Equal(2, await Catalog.CountAsync("acct", new SessionFilter { Ended = false, CreatedBefore = Start.AddMinutes(3) }, default).Within());
        Assert.Equal(0, await Catalog.CountAsync("other", new SessionFilter(), default).Within());
    }

    [Fact]
    public async Task An_ended_session_leaves_the_live_lists_at_once()
    {
        await SaveAsync(Entry("s1", minutes: 1) with { Users = ["agent"] }, Entry("s2", minutes: 2) with { Users = ["agent"] });

        await Catalog.SaveAsync(Entry("s2", minutes: 2, version: 2, ended: true) with { Users = ["agent"] }, default).Within();

        Assert.Equal(["s1"], (await Catalog.FindLiveAsync("acct", null, new PageRequest(10), default).Within()).Items.Select(e => e.SessionId));
        Assert.Equal(["s1"], (await Catalog.FindLiveAsync("acct", "agent", new PageRequest(10), default).Within()).Items.Select(e => e.SessionId));
    }

    [Fact]
    public async Task A_users_live_list_holds_the_sessions_it_belongs_to_now_without_regard_to_ascii_case()
    {
        await SaveAsync(
            Entry("s1", minutes: 1) with { Users = ["Agent@Example.com", "lead"] },
            Entry("s2", minutes: 2) with { Users = ["lead"] },
            Entry("s3", minutes: 3) with { Users = ["agent@example.com"] });

        // s1 drops the agent in a later version.
        await Catalog.SaveAsync(Entry("s1", minutes: 1, version: 2) with { Users = ["lead"] }, default).Within();

        Assert.Equal(["s3"], await LiveIdsAsync("AGENT@example.com"));
        Assert.Equal(["s2", "s1"], await LiveIdsAsync("lead"));
        Assert.Empty(await LiveIdsAsync("nobody"));
    }

    [Fact]
    public async Task Live_lists_page_with_continuations()
    {
        await SaveAsync([.. Enumerable.Range(0, 5).Select(i => Entry($"s{i}", minutes: i) with { Users = ["u"] })]);

        foreach (var user in new[] { null, "u" })
        {
            var first = await Catalog.FindLiveAsync("acct", user, new PageRequest(3), default).Within();
            var second = await Catalog.FindLiveAsync("acct", user, new PageRequest(3, first.Next), default).Within();

            Assert.Equal(["s4", "s3", "s2"], first.Items.Select(e => e.SessionId));
            Assert.Equal(["s1", "s0"], second.Items.Select(e => e.SessionId));
            Assert.Null(second.Next);
        }
    }

    [Fact]
    public async Task An_account_never_sees_another_accounts_sessions()
    {
        await SaveAsync(Entry("mine", minutes: 1) with { Users = ["u"] }, Entry("theirs", minutes: 2) with { AccountId = "other", Users = ["u"] });

        Assert.Equal(["mine"], (await AllAsync()).Select(e => e.SessionId));
        Assert.Equal(["mine"], await LiveIdsAsync("u"));
        Assert.Equal(["theirs"], (await Catalog.FindLiveAsync("other", null, new PageRequest(10), default).Within()).Items.Select(e => e.SessionId));
    }

    [Fact]
    public async Task A_page_of_no_sessions_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Catalog.FindAsync("acct", new SessionFilter(), new PageRequest(0), default));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Catalog.FindLiveAsync("acct", null, new PageRequest(5, Skip: -1), default));
    }

    /// <summary>A session of account <c>acct</c> made <paramref name="minutes"/> after the test's start.</summary>
    protected static SessionEntry Entry(string id, int minutes, long version = 1, bool ended = false) =>
        new("acct", id, version, Start.AddMinutes(minutes), ended, "Voice", "+15550000000", "+15551111111", [], Encoding.UTF8.GetBytes($$"""{"sessionId":"{{id}}","version":{{version}}}"""));

    private async Task SaveAsync(params SessionEntry[] entries)
    {
        foreach (var entry in entries)
        {
            Assert.True(await Catalog.SaveAsync(entry, default).Within());
        }
    }

    private async Task<IReadOnlyList<SessionEntry>> AllAsync() =>
        (await Catalog.FindAsync("acct", new SessionFilter(), new PageRequest(1000), default).Within()).Items;

    private async Task<IReadOnlyList<string>> IdsAsync(SessionFilter filter) =>
        [.. (await Catalog.FindAsync("acct", filter, new PageRequest(1000), default).Within()).Items.Select(e => e.SessionId)];

    private async Task<IReadOnlyList<string>> LiveIdsAsync(string user) =>
        [.. (await Catalog.FindLiveAsync("acct", user, new PageRequest(1000), default).Within()).Items.Select(e => e.SessionId)];
}
