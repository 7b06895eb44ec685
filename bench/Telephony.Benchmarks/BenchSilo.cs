using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Serialization;
using Telephony.SiloHost;

namespace Telephony.Benchmarks;

/// <summary>A started one-node Telephony silo (the product's grains plus the benchmark grains), on memory or on a SQLite file in the temp folder.</summary>
internal sealed class BenchSilo : IAsyncDisposable
{
    private static int _instances;
    private readonly IHost _host;
    private readonly string? _file;

    private BenchSilo(IHost host, string? file)
    {
        _host = host;
        _file = file;
    }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => _host.Services;

    public static async Task<BenchSilo> StartAsync(bool sqlite, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var file = sqlite ? Path.Combine(Path.GetTempPath(), $"telephony-bench-{Guid.NewGuid():N}.db") : null;
        var instance = Interlocked.Increment(ref _instances);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telephony:Storage:Provider"] = sqlite ? "Sqlite" : "Memory",
            ["Telephony:Storage:ConnectionString"] = $"Data Source={file}",
            ["Telephony:Silo:SiloPort"] = (21000 + instance).ToString(CultureInfo.InvariantCulture),
            ["Telephony:Silo:GatewayPort"] = (22000 + instance).ToString(CultureInfo.InvariantCulture),
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.UseOrleans(silo => silo.AddTelephony(builder.Configuration));
        builder.Services.AddOptions<SystemTextJsonGrainStorageSerializerOptions>()
            .Configure(o => o.JsonSerializerOptions.TypeInfoResolverChain.Add(BenchJsonContext.Default));
        var host = builder.Build();
        await host.StartAsync();
        return new BenchSilo(host, file);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
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
