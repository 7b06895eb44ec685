using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

using Telephony.Testing;

namespace Telephony.Storage.Tests;

/// <summary>
/// The grain storage contract, written once and run against every provider (modelled on Orleans.Persistence.TestKit).
/// A provider joins with a subclass that opens it; xunit makes one instance, so one <see cref="OpenStorageAsync"/>, per test.
/// </summary>
public abstract class GrainStorageConformanceTests : IAsyncLifetime
{
    private IGrainStorage? _storage;

    protected IGrainStorage Storage => _storage ?? throw new InvalidOperationException("The storage is not open.");

    public async Task InitializeAsync() => _storage = await OpenStorageAsync();

    public Task DisposeAsync() => CloseStorageAsync();

    /// <summary>The provider under test, ready for use.</summary>
    protected abstract Task<IGrainStorage> OpenStorageAsync();

    /// <summary>Lets go of what <see cref="OpenStorageAsync"/> made for this test.</summary>
    protected virtual Task CloseStorageAsync() => Task.CompletedTask;

    /// <summary>The largest serialized state the store takes, when it has a cap; none by default.</summary>
    protected virtual int? MaxStateBytes => null;

    /// <summary>Whether a refused write's error names the stored ETag (Orleans' Azure Table storage does not read it back).</summary>
    protected virtual bool NamesStoredETag => true;

    [Fact]
    public async Task Read_of_a_missing_record_gives_a_default_state_no_etag_and_no_record()
    {
        var state = new GrainState<TestState> { State = TestState.Sample("left over"), ETag = "stale", RecordExists = true };

        await Storage.ReadStateAsync("state", NewGrainId(), state);

        Assert.Equal(new TestState(), state.State);
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
    }

    [Fact]
    public async Task Write_then_read_round_trips_the_state_into_a_new_instance()
    {
        var grainId = NewGrainId();
        var written = new GrainState<TestState> { State = TestState.Sample("round trip", 7) };
        await Storage.WriteStateAsync("state", grainId, written);

        var read = await ReadAsync("state", grainId);

        Assert.NotSame(written.State, read.State);
        Assert.Equal(TestState.Sample("round trip", 7), read.State);
        Assert.Equal(written.ETag, read.ETag);
        Assert.True(read.RecordExists);
    }

    [Fact]
    public async Task First_write_sets_an_etag_and_record_exists()
    {
        var state = new GrainState<TestState> { State = TestState.Sample("first") };

        await Storage.WriteStateAsync("state", NewGrainId(), state);

        Assert.False(string.IsNullOrEmpty(state.ETag));
        Assert.True(state.RecordExists);
    }

    [Fact]
    public async Task Every_write_changes_the_etag_even_with_the_same_state()
    {
        var grainId = NewGrainId();
        var state = new GrainState<TestState> { State = TestState.Sample("same") };
        var etags = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            await Storage.WriteStateAsync("state", grainId, state);
            etags.Add(state.ETag);
        }

        Assert.Equal(3, etags.Distinct().Count());
        Assert.Equal(etags[^1], (await ReadAsync("state", grainId)).ETag);
    }

    [Fact]
    public async Task Write_with_a_stale_etag_is_refused_and_changes_nothing()
    {
        var grainId = NewGrainId();
        var state = new GrainState<TestState> { State = TestState.Sample("initial", 1) };
        await Storage.WriteStateAsync("state", grainId, state);
        var staleETag = state.ETag;
        state.State = TestState.Sample("latest", 2);
        await Storage.WriteStateAsync("state", grainId, state);

        var stale = new GrainState<TestState> { State = TestState.Sample("stale", 3), ETag = staleETag, RecordExists = true };
        var error = await Assert.ThrowsAnyAsync<InconsistentStateException>(() => Storage.WriteStateAsync("state", grainId, stale));

        AssertETags(error, current: staleETag, stored: state.ETag);
        Assert.Equal(staleETag, stale.ETag);
        var read = await ReadAsync("state", grainId);
        Assert.Equal(TestState.Sample("latest", 2), read.State);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task Write_without_an_etag_over_an_existing_record_is_refused_and_changes_nothing()
    {
        var grainId = NewGrainId();
        var first = new GrainState<TestState> { State = TestState.Sample("first activation") };
        await Storage.WriteStateAsync("state", grainId, first);

        // A second activation that never read the record believes there is none.
        var second = new GrainState<TestState> { State = TestState.Sample("second activation") };
        var error = await Assert.ThrowsAnyAsync<InconsistentStateException>(() => Storage.WriteStateAsync("state", grainId, second));

        AssertETags(error, current: null, stored: first.ETag);
        var read = await ReadAsync("state", grainId);
        Assert.Equal(TestState.Sample("first activation"), read.State);
        Assert.Equal(first.ETag, read.ETag);
    }

    [Fact]
    public async Task Clear_resets_the_state_changes_the_etag_and_then_read_finds_no_record()
    {
        var grainId = NewGrainId();
        var state = new GrainState<TestState> { State = TestState.Sample("to clear") };
        await Storage.WriteStateAsync("state", grainId, state);
        var writtenETag = state.ETag;

        await Storage.ClearStateAsync("state", grainId, state);

        Assert.False(state.RecordExists);
        Assert.Equal(new TestState(), state.State);
        Assert.NotEqual(writtenETag, state.ETag);
        var read = await ReadAsync("state", grainId);
        Assert.False(read.RecordExists);
        Assert.Equal(new TestState(), read.State);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task Clear_then_write_with_the_grain_state_as_the_clear_left_it_works()
    {
        var grainId = NewGrainId();
        var state = new GrainState<TestState> { State = TestState.Sample("before clear") };
        await Storage.WriteStateAsync("state", grainId, state);
        await Storage.ClearStateAsync("state", grainId, state);
        var clearedETag = state.ETag;

        state.State = TestState.Sample("after clear", 2);
        await Storage.WriteStateAsync("state", grainId, state);

        Assert.True(state.RecordExists);
        Assert.NotEqual(clearedETag, state.ETag);
        var read = await ReadAsync("state", grainId);
        Assert.True(read.RecordExists);
        Assert.Equal(TestState.Sample("after clear", 2), read.State);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task Clear_then_read_then_write_works_as_a_new_activation_would()
    {
        var grainId = NewGrainId();
        var state = new GrainState<TestState> { State = TestState.Sample("old life") };
        await Storage.WriteStateAsync("state", grainId, state);
        await Storage.ClearStateAsync("state", grainId, state);

        var reactivated = await ReadAsync("state", grainId);
        reactivated.State = TestState.Sample("new life");
        await Storage.WriteStateAsync("state", grainId, reactivated);

        Assert.Equal(TestState.Sample("new life"), (await ReadAsync("state", grainId)).State);
    }

    [Fact]
    public async Task Clear_with_a_stale_etag_is_refused_and_keeps_the_record()
    {
        var grainId = NewGrainId();
        var state = new GrainState<TestState> { State = TestState.Sample("initial", 1) };
        await Storage.WriteStateAsync("state", grainId, state);
        var staleETag = state.ETag;
        state.State = TestState.Sample("latest", 2);
        await Storage.WriteStateAsync("state", grainId, state);

        var stale = new GrainState<TestState> { State = TestState.Sample("stale"), ETag = staleETag, RecordExists = true };
        var error = await Assert.ThrowsAnyAsync<InconsistentStateException>(() => Storage.ClearStateAsync("state", grainId, stale));

        AssertETags(error, current: staleETag, stored: state.ETag);
        var read = await ReadAsync("state", grainId);
        Assert.True(read.RecordExists);
        Assert.Equal(TestState.Sample("latest", 2), read.State);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task Clear_of_a_record_never_written_succeeds_with_no_record()
    {
        var state = new GrainState<TestState> { State = TestState.Sample("never stored"), RecordExists = true };

        await Storage.ClearStateAsync("state", NewGrainId(), state);

        Assert.False(state.RecordExists);
        Assert.Equal(new TestState(), state.State);
    }

    [Fact]
    public async Task Clearing_twice_with_the_current_etag_keeps_no_record()
    {
        var grainId = NewGrainId();
        var state = new GrainState<TestState> { State = TestState.Sample("twice") };
        await Storage.WriteStateAsync("state", grainId, state);

        await Storage.ClearStateAsync("state", grainId, state);
        await Storage.ClearStateAsync("state", grainId, state);

        Assert.False(state.RecordExists);
        var read = await ReadAsync("state", grainId);
        Assert.False(read.RecordExists);
        Assert.Equal(new TestState(), read.State);
    }

    [Fact]
    public async Task Of_fifty_writers_racing_with_the_same_etag_exactly_one_wins()
    {
        var grainId = NewGrainId();
        var initial = new GrainState<TestState> { State = TestState.Sample("initial") };
        await Storage.WriteStateAsync("state", grainId, initial);

        var writers = Enumerable.Range(0, 50)
            .Select(i => new GrainState<TestState> { State = TestState.Sample("writer", i), ETag = initial.ETag, RecordExists = true })
            .ToArray();
        var outcomes = await Task.WhenAll(writers.Select(writer => OutcomeAsync(Storage.WriteStateAsync("state", grainId, writer)))).Within();

        Assert.Equal(1, outcomes.Count(error => error is null));
        Assert.All(outcomes.Where(error => error is not null), error => Assert.IsAssignableFrom<InconsistentStateException>(error));
        var winner = writers[Array.IndexOf(outcomes, null)];
        var read = await ReadAsync("state", grainId);
        Assert.Equal(winner.State, read.State);
        Assert.Equal(winner.ETag, read.ETag);
    }

    [Fact]
    public async Task On_fifty_keys_at_once_two_racing_writers_each_one_wins_per_key()
    {
        var grains = Enumerable.Range(0, 50).Select(_ => NewGrainId()).ToArray();
        var races = grains.Select(grainId => (
            GrainId: grainId,
            Writers: new[] { new GrainState<TestState> { State = TestState.Sample("a") }, new GrainState<TestState> { State = TestState.Sample("b") } }))
            .ToArray();

        // All 100 first writes (no ETag: "the record must not exist") at once.
        var outcomes = await Task.WhenAll(races.SelectMany(race =>
            race.Writers.Select(writer => OutcomeAsync(Storage.WriteStateAsync("state", race.GrainId, writer))))).Within();

        for (var i = 0; i < races.Length; i++)
        {
            var pair = outcomes.Skip(i * 2).Take(2).ToArray();
            Assert.Equal(1, pair.Count(error => error is null));
            Assert.IsAssignableFrom<InconsistentStateException>(pair.Single(error => error is not null));
            var winner = races[i].Writers[Array.IndexOf(pair, null)];
            var read = await ReadAsync("state", races[i].GrainId);
            Assert.Equal(winner.State, read.State);
            Assert.Equal(winner.ETag, read.ETag);
        }
    }

    [Fact]
    public async Task A_state_over_one_megabyte_round_trips_exactly_or_where_the_store_caps_states_is_refused_changing_nothing()
    {
        var grainId = NewGrainId();
        var large = new TestState { Name = Text(1_200_000), Tags = Enumerable.Range(0, 20_000).Select(i => "tag-" + i).ToList() };
        var state = new GrainState<TestState> { State = large };
        if (MaxStateBytes is not { } cap)
        {
            await Storage.WriteStateAsync("state", grainId, state);

            var read = await ReadAsync("state", grainId);
            Assert.Equal(large.Name, read.State?.Name);
            Assert.Equal(large, read.State);
            return;
        }

        var fits = new TestState { Name = Text(cap * 9 / 10), Tags = ["fits"] };
        var stored = new GrainState<TestState> { State = fits };
        await Storage.WriteStateAsync("state", grainId, stored);
        state.ETag = stored.ETag;

        await Assert.ThrowsAnyAsync<Exception>(() => Storage.WriteStateAsync("state", grainId, state));

        var after = await ReadAsync("state", grainId);
        Assert.Equal(fits, after.State);
        Assert.Equal(stored.ETag, after.ETag);
    }

    [Fact]
    public async Task Unicode_text_round_trips_exactly()
    {
        // Emoji (surrogate pairs, a ZWJ sequence, a flag), right-to-left scripts, combining marks, CJK, NUL, U+FFFD.
        const string Text = "emoji 😀 👩‍👩‍👧‍👦 🇮🇱 | RTL שָׁלוֹם مرحبا بالعالم | combining e\u0301 a\u0308 \u0915\u094D\u0937 Z\u0351\u0336 | 漢字かな | \u0000 \uFFFD \u200F end";
        var grainId = NewGrainId();
        var state = new GrainState<TestState>
        {
            State = new TestState { Name = Text, Tags = [Text, "ℕ ≠ ∅"], Totals = new() { [Text] = 1, ["ключ"] = 2 } },
        };

        await Storage.WriteStateAsync("état-ü-😀", grainId, state);

        var read = await ReadAsync("état-ü-😀", grainId);
        Assert.Equal(Text, read.State?.Name);
        Assert.Equal(state.State, read.State);
    }

    [Fact]
    public async Task Grain_keys_with_slashes_and_unicode_are_kept_apart()
    {
        var plain = GrainId.Create("conformance-grain", "a");
        var slashed = GrainId.Create("conformance-grain", $"a/b\\#c?{Guid.NewGuid():N}");
        var unicode = GrainId.Create("conformance-grain", $"ключ-😀-{Guid.NewGuid():N}");
        var guid = GrainId.Create(GrainType.Create("conformance-grain"), GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid(), "ext/ension"));
        GrainId[] ids = [slashed, unicode, guid];

        foreach (var id in ids)
        {
            await Storage.WriteStateAsync("state", id, new GrainState<TestState> { State = TestState.Sample(id.ToString()) });
        }

        foreach (var id in ids)
        {
            Assert.Equal(TestState.Sample(id.ToString()), (await ReadAsync("state", id)).State);
        }

        Assert.NotEqual(TestState.Sample(slashed.ToString()), (await ReadAsync("state", plain)).State);
    }

    [Fact]
    public async Task Two_state_names_of_one_grain_are_independent_records()
    {
        var grainId = NewGrainId();
        var profile = new GrainState<TestState> { State = TestState.Sample("profile") };
        var history = new GrainState<TestState> { State = TestState.Sample("history") };
        await Storage.WriteStateAsync("profile", grainId, profile);
        await Storage.WriteStateAsync("history", grainId, history);

        await Storage.ClearStateAsync("history", grainId, history);

        var readProfile = await ReadAsync("profile", grainId);
        Assert.True(readProfile.RecordExists);
        Assert.Equal(TestState.Sample("profile"), readProfile.State);
        Assert.Equal(profile.ETag, readProfile.ETag);
        Assert.False((await ReadAsync("history", grainId)).RecordExists);
    }

    [Fact]
    public async Task The_same_key_in_two_grain_types_names_two_records()
    {
        var key = Guid.NewGuid().ToString("N");
        var call = GrainId.Create("call", key);
        var agent = GrainId.Create("agent", key);
        await Storage.WriteStateAsync("state", call, new GrainState<TestState> { State = TestState.Sample("call") });
        await Storage.WriteStateAsync("state", agent, new GrainState<TestState> { State = TestState.Sample("agent") });

        Assert.Equal(TestState.Sample("call"), (await ReadAsync("state", call)).State);
        Assert.Equal(TestState.Sample("agent"), (await ReadAsync("state", agent)).State);
    }

    [Fact]
    public async Task Many_grains_writing_and_reading_in_parallel_each_see_their_own_state()
    {
        var grains = Enumerable.Range(0, 100).Select(_ => NewGrainId()).ToArray();

        await Task.WhenAll(grains.Select(async (grainId, index) =>
        {
            var state = new GrainState<TestState>();
            for (var round = 0; round < 5; round++)
            {
                var before = state.ETag;
                state.State = TestState.Sample(grainId.ToString(), index * 10 + round);
                await Storage.WriteStateAsync("state", grainId, state);
                Assert.NotEqual(before, state.ETag);
                var read = await ReadAsync("state", grainId);
                Assert.Equal(state.State, read.State);
                Assert.Equal(state.ETag, read.ETag);
            }
        })).Within();
    }

    protected static GrainId NewGrainId() => GrainId.Create("conformance-grain", Guid.NewGuid().ToString("N"));

    protected async Task<GrainState<TestState>> ReadAsync(string stateName, GrainId grainId)
    {
        var state = new GrainState<TestState> { State = new TestState() };
        await Storage.ReadStateAsync(stateName, grainId, state).Within();
        return state;
    }

    /// <summary>Null when <paramref name="operation"/> succeeded, else its error.</summary>
    protected static async Task<Exception?> OutcomeAsync(Task operation)
    {
        try
        {
            await operation;
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    /// <summary>A refused write's error names the ETag it was given and, where the store says so, the one it holds.</summary>
    private void AssertETags(InconsistentStateException error, string? current, string? stored)
    {
        if (NamesStoredETag)
        {
            Assert.Equal((current, stored), (error.CurrentEtag, error.StoredEtag));
        }
    }

    /// <summary>Printable ASCII of <paramref name="length"/> characters, the same every run.</summary>
    private static string Text(int length)
    {
        var random = new Random(42);
        return new string(Enumerable.Range(0, length).Select(_ => (char)random.Next('!', '~' + 1)).ToArray());
    }
}
