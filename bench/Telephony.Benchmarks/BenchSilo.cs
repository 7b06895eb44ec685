using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Telephony.Runtime;

namespace Telephony.Benchmarks;

/// <summary>A started silo with the benchmark grains, on memory or on a SQLite file in the temp folder.</summary>
internal sealed class BenchSilo : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string? _file;

    private BenchSilo(ServiceProvider services, string? file)
    {
        _services = services;
        _file = file;
        Silo = services.GetRequiredService<Silo>();
    }

    public Silo Silo { get; }

    public IGrainFactory Grains => Silo.GrainFactory;

    public static async Task<BenchSilo> StartAsync(bool sqlite)
    {
        var file = sqlite ? Path.Combine(Path.GetTempPath(), $"telephony-bench-{Guid.NewGuid():N}.db") : null;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGrainRuntime(builder =>
        {
            builder.AddGrains(typeof(BenchSilo).Assembly).AddJsonContext(BenchJsonContext.Default);
            if (file is not null)
            {
                builder.UseSqliteStorage($"Data Source={file}");
            }
        });
        var silo = new BenchSilo(services.BuildServiceProvider(), file);
        await silo.Silo.StartAsync(CancellationToken.None);
        return silo;
    }

    public async ValueTask DisposeAsync()
    {
        await Silo.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
        if (_file is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(_file + suffix);
            }
        }
    }
}
