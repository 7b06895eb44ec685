using Orleans;
using Telephony.Testing;

namespace Telephony.Storage.Tests;

/// <summary>The reminder table contract against our SQLite table, on a file of its own per test.</summary>
public sealed class SqliteReminderTableConformanceTests : ReminderTableConformanceTests
{
    private readonly TemporarySqliteFile _file = new();
    private SqliteHarness? _harness;

    protected override async Task<IReminderTable> OpenTableAsync()
    {
        _harness = await SqliteHarness.StartAsync(_file.ConnectionString);
        return _harness.Reminders;
    }

    protected override async Task CloseTableAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }

        _file.Dispose();
    }
}
