using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Telephony.Testing;
using static Telephony.Api.Tests.SessionAccounts;

namespace Telephony.Api.Tests;

/// <summary>
/// The JavaScript SDK (<c>sdk/js</c>) against a running service: its own tests (<c>sdk/js/test</c>, node's test runner)
/// run in node against this host over loopback HTTP, with a workspace, a queue and a worker whose own key they act with.
/// </summary>
public sealed class JsSdkTests : IAsyncLifetime
{
    private const string WorkerKey = "sdk-worker-key";
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"sdk-{Guid.NewGuid():N}.db");
    private string _workspace = null!;
    private string _queue = null!;
    private string _worker = null!;

    /// <summary>Provisions the workspace, queue and worker, then the host restarts with a key for the worker.</summary>
    public async Task InitializeAsync()
    {
        await using var provisioning = new ApiFactory(Store());
        var admin = new SessionClient(provisioning.CreateClient(), AdminKey);
        _workspace = await admin.CreateAsync("/workspaces", new { friendlyName = "Support" });
        _queue = await admin.CreateAsync($"/workspaces/{_workspace}/task-queues", new { friendlyName = "Support" });
        _worker = await admin.CreateAsync($"/workspaces/{_workspace}/workers", new { friendlyName = "sdk", attributes = """{"contact_uri":"client:sdk"}""" });
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_sdk_tests_pass_in_node_against_the_service()
    {
        var settings = Store();
        settings["Telephony:Accounts:0:ApiKeys:3:Key"] = WorkerKey;
        settings["Telephony:Accounts:0:ApiKeys:3:Role"] = "User";
        settings["Telephony:Accounts:0:ApiKeys:3:UserId"] = _worker;
        await using var api = new ApiFactory(settings, kestrel: true);
        var url = api.CreateClient().BaseAddress!.ToString().TrimEnd('/');
        var start = new ProcessStartInfo("node", ["--test", "--test-reporter=tap", Path.Combine(RepositoryRoot.Path, "sdk", "js", "test")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["TELEPHONY_URL"] = url,
                ["TELEPHONY_ADMIN_KEY"] = AdminKey,
                ["TELEPHONY_WORKER_KEY"] = WorkerKey,
                ["TELEPHONY_WORKSPACE"] = _workspace,
                ["TELEPHONY_QUEUE"] = _queue,
                ["TELEPHONY_WORKER"] = _worker,
            },
        };

        using var node = StartNode(start);
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));

        Assert.True(node.ExitCode == 0, $"node --test failed ({node.ExitCode}):\n{await output}\n{await errors}");
        Assert.Contains("# pass 7\n", await output, StringComparison.Ordinal);
        Assert.Contains("# fail 0\n", await output, StringComparison.Ordinal);
    }

    /// <summary>Starts node; a machine without it fails the test saying so, never skips it.</summary>
    private static Process StartNode(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("node is not installed: the JavaScript SDK's tests need it (apt-get install nodejs).", e);
        }
    }

    private Dictionary<string, string?> Store()
    {
        var settings = Settings();
        settings["Telephony:Storage:Provider"] = "Sqlite";
        settings["Telephony:Storage:ConnectionString"] = $"Data Source={_database}";
        return settings;
    }
}
