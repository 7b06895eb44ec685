using System.Text;
using Telephony.Catalog;
using Telephony.Testing;

namespace Telephony.Storage.Tests.Catalog;

/// <summary>
/// What every routing catalog must do: newer versions win, lists run newest first and page without repeats or gaps,
/// filters answer exactly and follow an entry whose status changes, workspaces and kinds stay apart.
/// </summary>
public abstract class RoutingCatalogContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The catalog under test, empty at the start of each test.</summary>
    protected IRoutingCatalog Catalog { get; private set; } = null!;

    /// <summary>Makes an empty catalog.</summary>
    protected abstract Task<IRoutingCatalog> CreateAsync();

    /// <summary>Lets go of the catalog.</summary>
    protected abstract Task CloseAsync();

    /// <inheritdoc />
    public async Task InitializeAsync() => Catalog = await CreateAsync();

    /// <inheritdoc />
    public Task DisposeAsync() => CloseAsync();

    [Fact]
    public async Task A_saved_entry_is_listed_with_every_field_as_saved()
    {
        var task = Entry("WT1", minutes: 1) with { Priority = 7, ExcludedWorkerSids = ["WK1", "WK2"] };
        var worker = Entry("WK1", minutes: 2, status: "Available") with { Kind = RoutingKind.Worker, GroupSid = null };

        Assert.True(await Catalog.SaveAsync(task, default).Within());
        Assert.True(await Catalog.SaveAsync(worker, default).Within());

        AssertSame(task, Assert.Single((await AllAsync()).Items));
        AssertSame(worker, Assert.Single((await AllAsync(RoutingKind.Worker)).Items));
    }

    [Fact]
    public async Task A_newer_version_replaces_the_entry_and_an_older_or_equal_one_changes_nothing()
    {
        await Catalog.SaveAsync(Entry("WT1", minutes: 1, version: 3, status: "reserved"), default).Within();

        Assert.False(await Catalog.SaveAsync(Entry("WT1", minutes: 1, version: 2), default).Within());
        Assert.False(await Catalog.SaveAsync(Entry("WT1", minutes: 1, version: 3, status: "canceled"), default).Within());
        Assert.True(await Catalog.SaveAsync(Entry("WT1", minutes: 1, version: 4, status: "assigned"), default).Within());

        var stored = Assert.Single((await AllAsync()).Items);
        Assert.Equal((4L, "assigned"), (stored.Version, stored.Status));
        Assert.Empty(await IdsAsync(new RoutingFilter { Status = "reserved" }, new PageRequest(10)));
        Assert.Empty(await IdsAsync(new RoutingFilter { Status = "canceled" }, new PageRequest(10)));
    }

    [Fact]
    public async Task Continuation_pages_walk_every_entry_once_newest_first_and_by_sid_within_a_tick()
    {
        var entries = Enumerable.Range(0, 20).Select(i => Entry($"WT{i:00}", minutes: i / 4)).ToArray();
        foreach (var entry in entries)
        {
            await Catalog.SaveAsync(entry, default).Within();
        }

        var seen = new List<string>();
        CatalogPosition? after = null;
        do
        {
            var page = await Catalog.FindAsync(RoutingKind.Task, "WS1", new RoutingFilter(), new PageRequest(6, after), default).Within();
            seen.AddRange(page.Items.Select(e => e.Sid));
            after = page.Next;
        }
        while (after is not null);

        Assert.Equal(entries.OrderByDescending(e => e.DateCreated).ThenBy(e => e.Sid, StringComparer.Ordinal).Select(e => e.Sid), seen);
    }

    [Fact]
    public async Task Filters_pick_by_status_and_group_and_numbered_pages_skip()
    {
        foreach (var entry in new[]
        {
            Entry("WT1", minutes: 1),
            Entry("WT2", minutes: 2, status: "reserved"),
            Entry("WT3", minutes: 3) with { GroupSid = "WQ2" },
            Entry("WT4", minutes: 4),
        })
        {
            await Catalog.SaveAsync(entry, default).Within();
        }

        Assert.Equal(["WT4", "WT3", "WT1"], await IdsAsync(new RoutingFilter { Status = "pending" }, new PageRequest(10)));
        Assert.Equal(["WT3"], await IdsAsync(new RoutingFilter { GroupSid = "WQ2" }, new PageRequest(10)));
        Assert.Equal(["WT4", "WT1"], await IdsAsync(new RoutingFilter { Status = "pending", GroupSid = "WQ1" }, new PageRequest(10)));
        Assert.Equal(["WT3", "WT1"], await IdsAsync(new RoutingFilter { Status = "pending" }, new PageRequest(5, Skip: 1)));
    }

    [Fact]
    public async Task An_entry_whose_status_changes_leaves_the_lists_of_its_old_status()
    {
        var mine = new RoutingFilter { GroupSid = "WQ1" };
        await Catalog.SaveAsync(Entry("WT1", minutes: 1), default).Within();
        await Catalog.SaveAsync(Entry("WT2", minutes: 2), default).Within();

        await Catalog.SaveAsync(Entry("WT1", minutes: 1, version: 1, status: "reserved"), default).Within();

        Assert.Equal(["WT2"], await IdsAsync(new RoutingFilter { Status = "pending" }, new PageRequest(10)));
        Assert.Equal(["WT2"], await IdsAsync(mine with { Status = "pending" }, new PageRequest(10)));
        Assert.Equal(["WT1"], await IdsAsync(new RoutingFilter { Status = "reserved" }, new PageRequest(10)));
        Assert.Equal(["WT1"], await IdsAsync(mine with { Status = "reserved" }, new PageRequest(10)));
        Assert.Equal(["WT2", "WT1"], await IdsAsync(mine, new PageRequest(10)));
        Assert.Equal(1, Assert.Single((await Catalog.FindAsync(RoutingKind.Task, "WS1", mine with { Status = "reserved" }, new PageRequest(10), default).Within()).Items).Version);
    }

    [Fact]
    public async Task A_workspace_never_sees_another_workspaces_entries_nor_a_list_another_kinds()
    {
        await Catalog.SaveAsync(Entry("WT1", minutes: 1), default).Within();
        await Catalog.SaveAsync(Entry("WT2", minutes: 2) with { WorkspaceSid = "WS2" }, default).Within();
        await Catalog.SaveAsync(Entry("WT1", minutes: 3) with { Kind = RoutingKind.Reservation, GroupSid = "WK1" }, default).Within();

        Assert.Equal(["WT1"], await IdsAsync(new RoutingFilter(), new PageRequest(10)));
        Assert.Equal(1, Assert.Single((await AllAsync()).Items).DateCreated.Minute);
        Assert.Equal(["WT1"], (await AllAsync(RoutingKind.Reservation)).Items.Select(e => e.Sid));
        Assert.Empty((await AllAsync(RoutingKind.Worker)).Items);
        Assert.Empty((await Catalog.FindAsync(RoutingKind.Task, "WS3", new RoutingFilter(), new PageRequest(10), default).Within()).Items);
    }

    /// <summary>A pending task of workspace <c>WS1</c>, queue <c>WQ1</c>, made <paramref name="minutes"/> after the test's start.</summary>
    protected static RoutingEntry Entry(string sid, int minutes, long version = 0, string status = "pending") =>
        new(RoutingKind.Task, "WS1", sid, version, Start.AddMinutes(minutes), status, "WQ1", Encoding.UTF8.GetBytes($$"""{"sid":"{{sid}}","version":{{version}}}"""));

    private static void AssertSame(RoutingEntry expected, RoutingEntry found)
    {
        Assert.Equal(expected with { ExcludedWorkerSids = found.ExcludedWorkerSids, Document = found.Document }, found);
        Assert.Equal(expected.ExcludedWorkerSids, found.ExcludedWorkerSids);
        Assert.Equal(expected.Document, found.Document);
    }

    private Task<CatalogPage<RoutingEntry>> AllAsync(RoutingKind kind = RoutingKind.Task) =>
        Catalog.FindAsync(kind, "WS1", new RoutingFilter(), new PageRequest(100), default).Within();

    private async Task<IReadOnlyList<string>> IdsAsync(RoutingFilter filter, PageRequest page) =>
        [.. (await Catalog.FindAsync(RoutingKind.Task, "WS1", filter, page, default).Within()).Items.Select(e => e.Sid)];
}
