using System.Diagnostics;
using System.Net.Sockets;
using Azure.Data.Tables;

namespace Telephony.Testing;

/// <summary>
/// Azurite's Table service on a free loopback port, in memory, started through the repository's
/// <c>scripts/azurite.sh</c> (which installs it from npm on first use) and stopped when disposed. One per test class
/// fixture: each test takes tables of its own names.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    private readonly Process _process;

    private Azurite(Process process, string connectionString)
    {
        _process = process;
        ConnectionString = connectionString;
    }

    /// <summary>The connection string of the emulator's development account, on its loopback endpoint.</summary>
    public string ConnectionString { get; }

    /// <summary>A client of the emulator's Table service.</summary>
    public TableServiceClient Tables => new(ConnectionString);

    /// <summary>CPU time the emulator has used.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.HasExited ? TimeSpan.Zero : _process.TotalProcessorTime;
    }

    /// <summary>Starts the Table service and waits until it takes connections (installing it may take a minute).</summary>
    public static async Task<Azurite> StartAsync()
    {
        var port = LoopbackPorts.Take(1)[0];
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot.Path, "scripts", "azurite.sh"), "start", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            var connectionString = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(5))
                ?? throw new InvalidOperationException($"scripts/azurite.sh failed: {await errors}");
            await Eventually.Until(() => process.HasExited || Accepts(port), "Azurite takes connections", TimeSpan.FromMinutes(2));
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with {process.ExitCode}: {await errors}");
            }

            return new Azurite(process, connectionString);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(System.Net.IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
