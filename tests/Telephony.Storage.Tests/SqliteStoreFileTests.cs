using Telephony.Testing;

namespace Telephony.Storage.Tests;

/// <summary>Files the store must refuse rather than start empty on: the pre-Orleans layout, a newer layout, not SQLite at all.</summary>
public sealed class SqliteStoreFileTests : IDisposable
{
    // The schema of the runtime before Orleans (runtime/Storage/SqliteDatabase.cs), verbatim.
    private const string PreOrleansSchema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS grain_state (
            grain_type TEXT NOT NULL,
            grain_id TEXT NOT NULL,
            state_name TEXT NOT NULL,
            version INTEGER NOT NULL,
            payload BLOB NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (grain_type, grain_id, state_name)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS reminders (
            grain_type TEXT NOT NULL,
            grain_id TEXT NOT NULL,
            name TEXT NOT NULL,
            due_at INTEGER NOT NULL,
            period_ms INTEGER NOT NULL,
            version INTEGER NOT NULL,
            PRIMARY KEY (grain_type, grain_id, name)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS reminders_due ON reminders (due_at);
        """;

    private readonly TemporarySqliteFile _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task A_file_written_before_Orleans_is_refused_with_a_clear_message_and_left_untouched()
    {
        SqliteFiles.Execute(_file.Path, PreOrleansSchema + """
            INSERT INTO grain_state VALUES ('call', 'c-1', 'state', 7, x'7B7D', 1700000000000);
            INSERT INTO reminders VALUES ('call', 'c-1', 'timeout', 1700000060000, 60000, 3);
            """);
        var before = Snapshot();

        var error = await Assert.ThrowsAsync<SqliteStoreLayoutException>(() => SqliteHarness.StartAsync(_file.ConnectionString));

        Assert.Equal(_file.Path, error.FilePath);
        Assert.Contains(_file.Path, error.Message);
        Assert.Contains("was written by Telephony before it ran on Orleans", error.Message);
        Assert.Contains("Move the file aside or delete it to start an empty store", error.Message);
        Assert.Equal(before, Snapshot());
        Assert.Equal(0L, SqliteFiles.Scalar(_file.Path, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'orleans%'"));
    }

    [Fact]
    public async Task The_reminder_table_refuses_a_pre_Orleans_file_too()
    {
        SqliteFiles.Execute(_file.Path, PreOrleansSchema);
        await using var harness = await SqliteHarness.StartAsync(_file.ConnectionString, start: false);

        var error = await Assert.ThrowsAsync<SqliteStoreLayoutException>(() => harness.Reminders.StartAsync(CancellationToken.None));

        Assert.Contains("before it ran on Orleans", error.Message);
    }

    [Fact]
    public async Task A_file_from_a_newer_schema_version_is_refused()
    {
        await (await SqliteHarness.StartAsync(_file.ConnectionString)).DisposeAsync();
        SqliteFiles.Execute(_file.Path, "UPDATE orleans_meta SET value = 2 WHERE key = 'schema_version'");

        var error = await Assert.ThrowsAsync<SqliteStoreLayoutException>(() => SqliteHarness.StartAsync(_file.ConnectionString));

        Assert.Contains("newer version of Telephony (schema version 2; this version reads 1)", error.Message);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_refused_and_left_untouched()
    {
        var content = "call log, not a database\n" + new string('-', 4096);
        await File.WriteAllTextAsync(_file.Path, content);

        var error = await Assert.ThrowsAsync<SqliteStoreLayoutException>(() => SqliteHarness.StartAsync(_file.ConnectionString));

        Assert.Contains("is not a SQLite database", error.Message);
        Assert.Equal(content, await File.ReadAllTextAsync(_file.Path));
    }

    [Fact]
    public async Task The_folder_of_a_new_file_is_created()
    {
        var folder = Path.Combine(Path.GetTempPath(), "telephony-storage-tests", Guid.NewGuid().ToString("N"), "nested");
        try
        {
            await using var harness = await SqliteHarness.StartAsync($"Data Source={Path.Combine(folder, "store.db")}");

            Assert.True(File.Exists(Path.Combine(folder, "store.db")));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    private string Snapshot()
    {
        using var connection = SqliteFiles.Open(_file.Path);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT group_concat(line, char(10)) FROM (
                SELECT 'g|' || grain_type || '|' || grain_id || '|' || state_name || '|' || version || '|' || hex(payload) || '|' || updated_at AS line FROM grain_state
                UNION ALL
                SELECT 'r|' || grain_type || '|' || grain_id || '|' || name || '|' || due_at || '|' || period_ms || '|' || version FROM reminders
                UNION ALL
                SELECT 's|' || name || '|' || sql FROM sqlite_master)
            """;
        return (string)command.ExecuteScalar()!;
    }
}
