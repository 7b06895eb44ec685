using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.TestingHost;
using Telephony.Testing;

namespace Telephony.Storage.Tests;

/// <summary>The registration extensions in a real silo: the lifecycle opens and closes the store, and one file is shared.</summary>
public sealed class SqliteSiloTests : IDisposable
{
    private readonly TemporarySqliteFile _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task A_silo_runs_grain_storage_and_reminders_on_one_shared_file()
    {
        var grainId = GrainId.Create("call", Guid.NewGuid().ToString("N"));
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => silo
            .UseSystemTextJsonGrainStorageSerializer()
            .AddSqliteGrainStorageAsDefault(options => options.ConnectionString = _file.ConnectionString)
            .AddSqliteGrainStorage("PubSubStore", options => options.ConnectionString = _file.ConnectionString)
            .UseSqliteReminderService(options => options.ConnectionString = _file.ConnectionString));
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync().Within();
            var services = cluster.Silos[0].ServiceProvider;
            var storage = Assert.IsType<SqliteGrainStorage>(services.GetRequiredKeyedService<IGrainStorage>("Default"));
            var pubSub = Assert.IsType<SqliteGrainStorage>(services.GetRequiredKeyedService<IGrainStorage>("PubSubStore"));
            var reminders = Assert.IsType<SqliteReminderTable>(services.GetRequiredService<IReminderTable>());

            Assert.Same(storage.Database, pubSub.Database);
            Assert.NotNull(storage.Database!.Loop);

            var state = new GrainState<TestState> { State = TestState.Sample("in a silo") };
            await storage.WriteStateAsync("state", grainId, state).Within();
            await reminders.UpsertRow(new ReminderEntry
            {
                GrainId = grainId, ReminderName = "r", StartAt = DateTime.UtcNow, Period = TimeSpan.FromMinutes(1),
            }).Within();

            await cluster.StopAllSilosAsync().Within();
            Assert.Null(storage.Database.Loop);
        }
        finally
        {
            await cluster.DisposeAsync();
        }

        await using var reopened = await SqliteHarness.StartAsync(_file.ConnectionString);
        var read = new GrainState<TestState> { State = new TestState() };
        await reopened.Storage.ReadStateAsync("state", grainId, read).Within();
        Assert.Equal(TestState.Sample("in a silo"), read.State);
        Assert.NotNull(await reopened.Reminders.ReadRow(grainId, "r"));
    }

    [Fact]
    public async Task A_silo_on_a_file_written_before_Orleans_fails_to_start_with_the_clear_message()
    {
        SqliteFiles.Execute(_file.Path, """
            CREATE TABLE grain_state (grain_type TEXT NOT NULL, grain_id TEXT NOT NULL, state_name TEXT NOT NULL, version INTEGER NOT NULL,
                payload BLOB NULL, updated_at INTEGER NOT NULL, PRIMARY KEY (grain_type, grain_id, state_name)) WITHOUT ROWID;
            INSERT INTO grain_state VALUES ('call', 'c-1', 'state', 7, x'7B7D', 1700000000000);
            """);
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => silo
            .AddSqliteGrainStorageAsDefault(options => options.ConnectionString = _file.ConnectionString)
            .UseSqliteReminderService(options => options.ConnectionString = _file.ConnectionString));
        var cluster = builder.Build();
        try
        {
            var error = await Record.ExceptionAsync(() => cluster.DeployAsync().Within());

            var refusal = Assert.IsType<SqliteStoreLayoutException>(ExceptionChain.Flatten(error).FirstOrDefault(e => e is SqliteStoreLayoutException));
            Assert.Contains("before it ran on Orleans", refusal.Message);
            Assert.Equal(7L, SqliteFiles.Scalar(_file.Path, "SELECT version FROM grain_state"));
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }
}
