using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telephony.SiloHost;

/// <summary>One node on a store of its own (a fresh SQLite file in the temp folder), started for a bench; disposing stops it and deletes the file.</summary>
internal sealed class BenchNode : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _file;

    private BenchNode(IHost host, string file)
    {
        _host = host;
        _file = file;
    }

    /// <summary>The node's services (grain factory, catalogs).</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>Starts a node on <paramref name="storage"/> (<c>Sqlite</c> or <c>Memory</c>) with <paramref name="settings"/> besides.</summary>
    public static async Task<BenchNode> StartAsync(string storage, IReadOnlyDictionary<string, string?> settings)
    {
        var file = Path.Combine(Path.GetTempPath(), $"telephony-catalog-bench-{Guid.NewGuid():N}.db");
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telephony:Storage:Provider"] = storage,
            ["Telephony:Storage:ConnectionString"] = $"Data Source={file}",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleans(silo => silo.AddTelephony(builder.Configuration));
        var host = builder.Build();
        await host.StartAsync();
        return new BenchNode(host, file);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(path);
        }
    }
}
