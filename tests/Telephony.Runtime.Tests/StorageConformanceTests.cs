using System.Text;
using Telephony.Runtime.Storage;
using Telephony.Testing;

namespace Telephony.Runtime.Tests;

/// <summary>What every grain storage provider must do; each provider runs this suite.</summary>
public abstract class StorageConformanceTests : IAsyncLifetime
{
    private static readonly GrainStateKey Key = new("Session", "s-1", "session");

    protected IGrainStorage Storage { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Storage = await CreateAsync();
        await Storage.InitializeAsync(CancellationToken.None);
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Reading_what_was_never_written_finds_nothing()
    {
        Assert.Null(await Storage.ReadAsync(Key, CancellationToken.None));
    }

    [Fact]
    public async Task A_first_write_is_read_back_with_its_version()
    {
        var version = await Write(Key, "one", null);

        var record = await Storage.ReadAsync(Key, CancellationToken.None);

        Assert.Equal(1, version);
        Assert.Equal("one", Text(record!.Payload));
        Assert.Equal(version, record.Version);
        Assert.Equal("1", record.ETag);
    }

    [Fact]
    public async Task The_etag_changes_on_every_write_even_of_identical_values()
    {
        var first = await Write(Key, "same", null);
        var second = await Write(Key, "same", first);
        var third = await Write(Key, "same", second);

        Assert.Equal([1L, 2L, 3L], [first, second, third]);
        Assert.Equal(3, (await Storage.ReadAsync(Key, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task A_second_first_write_throws_and_keeps_the_stored_value()
    {
        await Write(Key, "winner", null);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Write(Key, "loser", null));

        Assert.Equal("winner", Text((await Storage.ReadAsync(Key, CancellationToken.None))!.Payload));
    }

    [Fact]
    public async Task A_stale_write_throws_and_keeps_the_stored_value()
    {
        var first = await Write(Key, "v1", null);
        await Write(Key, "v2", first);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => Write(Key, "stale", first));

        Assert.Equal("1", error.CurrentEtag);
        Assert.Contains("Session/s-1 state 'session'", error.Message);
        Assert.Equal("v2", Text((await Storage.ReadAsync(Key, CancellationToken.None))!.Payload));
    }

    [Fact]
    public async Task A_write_expecting_a_version_that_was_never_stored_throws()
    {
        await Assert.ThrowsAsync<InconsistentStateException>(() => Write(Key, "ghost", 3));

        Assert.Null(await Storage.ReadAsync(Key, CancellationToken.None));
    }

    [Fact]
    public async Task Clearing_removes_the_value_and_advances_the_etag()
    {
        var written = await Write(Key, "v1", null);

        var cleared = await Storage.WriteAsync(Key, null, written, CancellationToken.None);
        var record = await Storage.ReadAsync(Key, CancellationToken.None);

        Assert.Equal(written + 1, cleared);
        Assert.Null(record!.Payload);
        Assert.Equal(cleared, record.Version);
        await Assert.ThrowsAsync<InconsistentStateException>(() => Write(Key, "old", written));
        Assert.Equal(cleared + 1, await Write(Key, "after", cleared));
    }

    [Fact]
    public async Task State_names_grain_ids_and_grain_types_are_independent()
    {
        var other = new[]
        {
            Key with { StateName = "other" },
            Key with { GrainId = "s-2" },
            Key with { GrainType = "Reservation" },
        };
        await Write(Key, "main", null);

        foreach (var key in other)
        {
            Assert.Null(await Storage.ReadAsync(key, CancellationToken.None));
            Assert.Equal(1, await Write(key, key.ToString(), null));
        }

        Assert.Equal("main", Text((await Storage.ReadAsync(Key, CancellationToken.None))!.Payload));
    }

    [Fact]
    public async Task Parallel_reads_and_writes_of_many_grains_are_safe()
    {
        const int Grains = 50;
        const int Writes = 20;

        await Parallel.ForAsync(0, Grains, async (g, ct) =>
        {
            var key = Key with { GrainId = $"p{g}" };
            long? version = null;
            for (var w = 0; w < Writes; w++)
            {
                version = await Write(key, $"{g}:{w}", version);
                var read = await Storage.ReadAsync(key, ct);
                Assert.Equal(version, read!.Version);
            }
        });

        for (var g = 0; g < Grains; g++)
        {
            var record = await Storage.ReadAsync(Key with { GrainId = $"p{g}" }, CancellationToken.None);
            Assert.Equal(Writes, record!.Version);
            Assert.Equal($"{g}:{Writes - 1}", Text(record.Payload));
        }
    }

    [Fact]
    public async Task Of_racing_writes_expecting_the_same_version_exactly_one_wins()
    {
        var start = await Write(Key, "start", null);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            try
            {
                await Write(Key, $"racer {i}", start);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        Assert.Single(outcomes, won => won);
        Assert.Equal(start + 1, (await Storage.ReadAsync(Key, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task The_store_answers_a_ping()
    {
        Assert.True(await Storage.PingAsync(CancellationToken.None));
    }

    protected abstract Task<IGrainStorage> CreateAsync();

    private static string Text(byte[]? payload) => Encoding.UTF8.GetString(payload!);

    private async Task<long> Write(GrainStateKey key, string payload, long? expected) =>
        await Storage.WriteAsync(key, Encoding.UTF8.GetBytes(payload), expected, CancellationToken.None);
}

public sealed class MemoryStorageConformanceTests : StorageConformanceTests
{
    protected override Task<IGrainStorage> CreateAsync() => Task.FromResult<IGrainStorage>(new MemoryGrainStorage());
}

public sealed class SqliteStorageConformanceTests : StorageConformanceTests
{
    private readonly SqliteFile _file = new();

    public override async Task DisposeAsync() => await _file.DisposeAsync();

    protected override Task<IGrainStorage> CreateAsync() => Task.FromResult<IGrainStorage>(_file.Open(new ManualTimeProvider()).Storage);
}
