using Orleans.Storage;
using Telephony.Testing;

namespace Telephony.Storage.Tests;

/// <summary>The grain storage contract against our SQLite provider, on a file of its own per test.</summary>
public sealed class SqliteGrainStorageConformanceTests : GrainStorageConformanceTests
{
    private readonly TemporarySqliteFile _file = new();
    private SqliteHarness? _harness;

    protected override async Task<IGrainStorage> OpenStorageAsync()
    {
        _harness = await SqliteHarness.StartAsync(_file.ConnectionString);
        return _harness.Storage;
    }

    protected override async Task CloseStorageAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }

        _file.Dispose();
    }
}
