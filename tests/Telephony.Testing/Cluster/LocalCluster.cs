using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Telephony.Testing.Cluster;

/// <summary>
/// Headless silos and client-mode API nodes as processes of their own on loopback, clustered and stored on one Azurite,
/// with the same accounts. Every process and the emulator end when it is disposed.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    private readonly Azurite _azurite;
    private readonly string _logFolder;
    private readonly List<NodeProcess> _silos = [];
    private readonly List<(NodeProcess Process, Uri Url)> _apis = [];

    private LocalCluster(Azurite azurite, string logFolder)
    {
        _azurite = azurite;
        _logFolder = logFolder;
    }

    /// <summary>The running silos, killed ones included.</summary>
    public IReadOnlyList<NodeProcess> Silos => _silos;

    /// <summary>The API nodes' base URLs.</summary>
    public IReadOnlyList<Uri> ApiUrls => [.. _apis.Select(a => a.Url)];

    /// <summary>Where every node's console is kept.</summary>
    public string LogFolder => _logFolder;

    /// <summary>Starts Azurite; nodes are started with <see cref="StartSilo"/> and <see cref="StartApi"/>.</summary>
    public static async Task<LocalCluster> StartAsync(string logFolder)
    {
        Directory.CreateDirectory(logFolder);
        return new LocalCluster(await Azurite.StartAsync(), logFolder);
    }

    /// <summary>What every node of <paramref name="clusterId"/> is configured with, besides its ports and name.</summary>
    public Dictionary<string, string> Settings(string clusterId, IReadOnlyDictionary<string, string> accounts) =>
        new(accounts, StringComparer.Ordinal)
        {
            ["Telephony:Cluster:Provider"] = "AzureStorage",
            ["Telephony:Cluster:ClusterId"] = clusterId,
            ["Telephony:Cluster:ServiceId"] = "telephony-cluster-test",
            ["Telephony:Storage:Provider"] = "AzureTable",
            ["Telephony:Storage:ConnectionString"] = _azurite.ConnectionString,
            ["Telephony:Silo:AdvertisedAddress"] = "127.0.0.1",
            ["Telephony:PublicBaseUrl"] = ClusterAccounts.PublicBaseUrl,
            ["Telephony:Routing:ReminderPeriod"] = "00:00:05",

            // The driver is one heavy user per account, not the abuse the per-key limits are for.
            ["Telephony:Limits:ApiKeyBurst"] = "1000000",
            ["Telephony:Limits:ApiKeyRequestsPerSecond"] = "1000000",

            // Grain and routing logs are what the test reads back; Orleans' own chatter is left out.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Telephony"] = "Information",
        };

    /// <summary>Starts a headless silo named <paramref name="name"/>.</summary>
    public NodeProcess StartSilo(string name, IReadOnlyDictionary<string, string> settings)
    {
        var ports = LoopbackPorts.Take(2);
        var silo = NodeProcess.Start(name, Build("silo", "Telephony.Silo.dll"), With(settings, name, ports), _logFolder);
        _silos.Add(silo);
        return silo;
    }

    /// <summary>
    /// Starts an API node named <paramref name="name"/> on a loopback port: a client front door unless
    /// <paramref name="mode"/> says <c>Silo</c>.
    /// </summary>
    public Uri StartApi(string name, IReadOnlyDictionary<string, string> settings, string mode = "Client")
    {
        var ports = LoopbackPorts.Take(3);
        var url = new Uri($"http://127.0.0.1:{ports[2].ToString(CultureInfo.InvariantCulture)}");
        var api = With(settings, name, ports);
        api["Telephony:Api:Mode"] = mode;
        api["urls"] = url.AbsoluteUri.TrimEnd('/');
        _apis.Add((NodeProcess.Start(name, Build("api", "Telephony.Api.dll"), api, _logFolder), url));
        return url;
    }

    /// <summary>Waits until every API node answers ready and sees <paramref name="silos"/> active silos.</summary>
    public async Task WaitReadyAsync(HttpClient http, int silos)
    {
        foreach (var (process, url) in _apis.Where(a => !a.Process.HasExited))
        {
            await Eventually.Until(
                async () => !process.HasExited && await ActiveSilosAsync(http, url) == silos,
                $"{process.Name} is ready with {silos} active silos (its log: {Path.Combine(_logFolder, process.Name + ".log")})",
                TimeSpan.FromMinutes(3));
        }

        if (_silos.FirstOrDefault(s => s.HasExited) is { } exited)
        {
            throw new InvalidOperationException($"{exited.Name} exited: {exited.Output()}");
        }
    }

    /// <summary>CPU time of every process so far, the emulator's included (a killed node's stops counting).</summary>
    public TimeSpan CpuTime() => _azurite.CpuTime() + _silos.Concat(_apis.Select(a => a.Process)).Aggregate(TimeSpan.Zero, (sum, node) => sum + node.CpuTime());

    /// <summary>CPU time the emulator has used.</summary>
    public TimeSpan EmulatorCpuTime() => _azurite.CpuTime();

    /// <summary>Stops the API nodes started so far (the next ones start afresh).</summary>
    public async Task StopApisAsync()
    {
        foreach (var (process, _) in _apis)
        {
            await process.DisposeAsync();
        }

        _apis.Clear();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopApisAsync();
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }

        await _azurite.DisposeAsync();
    }

    private static async Task<int?> ActiveSilosAsync(HttpClient http, Uri api)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(api, "/health/ready"));
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            var report = await response.Content.ReadFromJsonAsync<JsonElement>();
            return report.GetProperty("activeSilos").GetInt32();
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> settings, string name, int[] ports) =>
        new(settings, StringComparer.Ordinal)
        {
            ["Telephony:Silo:Name"] = name,
            ["Telephony:Silo:SiloPort"] = ports[0].ToString(CultureInfo.InvariantCulture),
            ["Telephony:Silo:GatewayPort"] = ports[1].ToString(CultureInfo.InvariantCulture),
        };

    /// <summary>A project's build output beside this test's (same configuration and framework).</summary>
    public static string Build(string project, string assembly)
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(RepositoryRoot.Path, project, "bin", framework.Parent!.Name, framework.Name, assembly);
        return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: build Telephony.sln first.");
    }
}
