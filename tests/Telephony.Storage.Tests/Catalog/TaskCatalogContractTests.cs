using System.Text;
using Telephony.Catalog;
using Telephony.Testing;

namespace Telephony.Storage.Tests.Catalog;

/// <summary>What every task catalog must do: newer versions win, lists run newest first and page without repeats or gaps, filters answer exactly, workspaces stay apart.</summary>
public abstract class TaskCatalogContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The catalog under test, empty at the start of each test.</summary>
    protected ITaskCatalog Catalog { get; private set; } = null!;

    /// <summary>Makes an empty catalog.</summary>
    protected abstract Task<ITaskCatalog> CreateAsync();

    /// <summary>Lets go of the catalog.</summary>
    protected abstract Task CloseAsync();

    /// <inheritdoc />
    public async Task InitializeAsync() => Catalog = await CreateAsync();

    /// <inheritdoc />
    public Task DisposeAsync() => CloseAsync();

    [Fact]
    public async Task A_saved_task_is_listed_with_every_field_as_saved()
    {
        var entry = Entry("WT1", minutes: 1) with { Priority = 7, ExcludedWorkerSids = ["WK1", "WK2"] };

        Assert.True(await Catalog.SaveAsync(entry, default).Within());

        var found = Assert.Single((await AllAsync()).Items);
        Assert.Equal(entry with { ExcludedWorkerSids = found.ExcludedWorkerSids, Document = found.Document }, found);
        Assert.Equal(entry.ExcludedWorkerSids, found.ExcludedWorkerSids);
        Assert.Equal(entry.Document, found.Document);
    }

    [Fact]
    public async Task A_newer_version_replaces_the_task_and_an_older_or_equal_one_changes_nothing()
    {
        await Catalog.SaveAsync(Entry("WT1", minutes: 1, version: 3, status: "reserved"), default).Within();

        Assert.False(await Catalog.SaveAsync(Entry("WT1", minutes: 1, version: 2), default).Within());
        Assert.False(await Catalog.SaveAsync(Entry("WT1", minutes: 1, version: 3, status: "canceled"), default).Within());
        Assert.True(await Catalog.SaveAsync(Entry("WT1", minutes: 1, version: 4, status: "assigned"), default).Within());

        var stored = Assert.Single((await AllAsync()).Items);
        Assert.Equal((4L, "assigned"), (stored.Version, stored.Status));
    }

    [Fact]
    public async Task Continuation_pages_walk_every_task_once_newest_first_and_by_sid_within_a_tick()
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
            var page = await Catalog.FindAsync("WS1", new TaskFilter(), new PageRequest(6, after), default).Within();
            seen.AddRange(page.Items.Select(e => e.TaskSid));
            after = page.Next;
        }
        while (after is not null);

        Assert.Equal(entries.OrderByDescending(e => e.DateCreated).ThenBy(e => e.TaskSid, StringComparer.Ordinal).Select(e => e.TaskSid), seen);
    }

    [Fact]
    public async Task Filters_pick_by_status_and_queue_and_numbered_pages_skip()
    {
        foreach (var entry in new[]
        {
            Entry("WT1", minutes: 1),
            Entry("WT2", minutes: 2, status: "reserved"),
            Entry("WT3", minutes: 3) with { QueueSid = "WQ2" },
            Entry("WT4", minutes: 4),
        })
        {
            await Catalog.SaveAsync(entry, default).Within();
        }

        Assert.Equal(["WT4", "WT3", "WT1"], await IdsAsync(new TaskFilter { Status = "pending" }, new PageRequest(10)));
        Assert.Equal(["WT3"], await IdsAsync(new TaskFilter { QueueSid = "WQ2" }, new PageRequest(10)));
        Assert.Equal(["WT4", "WT1"], await IdsAsync(new TaskFilter { Status = "pending", QueueSid = "WQ1" }, new PageRequest(10)));
        Assert.Equal(["WT3", "WT1"], await IdsAsync(new TaskFilter { Status = "pending" }, new PageRequest(5, Skip: 1)));
    }

    [Fact]
    public async Task A_workspace_never_sees_another_workspaces_tasks()
    {
        await Catalog.SaveAsync(Entry("WT1", minutes: 1), default).Within();
        await Catalog.SaveAsync(Entry("WT2", minutes: 2) with { WorkspaceSid = "WS2" }, default).Within();

        Assert.Equal(["WT1"], await IdsAsync(new TaskFilter(), new PageRequest(10)));
        Assert.Empty((await Catalog.FindAsync("WS3", new TaskFilter(), new PageRequest(10), default).Within()).Items);
    }

    /// <summary>A pending task of workspace <c>WS1</c>, queue <c>WQ1</c>, made <paramref name="minutes"/> after the test's start.</summary>
    protected static TaskEntry Entry(string sid, int minutes, long version = 0, string status = "pending") =>
        new("WS1", sid, version, Start.AddMinutes(minutes), status, "WQ1", 0, [], Encoding.UTF8.GetBytes($$"""{"sid":"{{sid}}","version":{{version}}}"""));

    private Task<CatalogPage<TaskEntry>> AllAsync() => Catalog.FindAsync("WS1", new TaskFilter(), new PageRequest(100), default).Within();

    private async Task<IReadOnlyList<string>> IdsAsync(TaskFilter filter, PageRequest page) =>
        [.. (await Catalog.FindAsync("WS1", filter, page, default).Within()).Items.Select(e => e.TaskSid)];
}
