using Microsoft.Playwright;
using Telephony.Api.Tests;
using Telephony.Testing;
using static Telephony.Api.Tests.SessionAccounts;

namespace Telephony.Browser.Tests;

/// <summary>
/// The API on real Kestrel on loopback, with Chromium to open its console. Two Simulator accounts route their incoming
/// calls: <c>acme</c> to the worker Alice (offers wait two minutes), <c>globex</c> to the worker Tim (offers time out
/// after <see cref="ShortOfferTimeout"/> seconds). Each worker has its own User key; both start offline.
/// </summary>
public sealed class ConsoleHost : IAsyncLifetime
{
    /// <summary>Alice's own key (its user id is her worker sid).</summary>
    public const string AliceKey = "alice-agent-key";

    /// <summary>Tim's own key, in the globex account.</summary>
    public const string TimKey = "tim-agent-key";

    /// <summary>Seconds an offer to Tim waits: long enough to see it counting down on a busy machine, short enough to wait out.</summary>
    public const int ShortOfferTimeout = 15;

    private readonly TemporarySqliteFile _store = new();
    private ApiFactory? _api;
    private IPlaywright? _playwright;

    /// <summary>The service's loopback address.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>An HTTP client of the service.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>The headless Chromium.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>acme's workspace, and Alice's worker sid in it.</summary>
    public (string Workspace, string Worker) Alice { get; private set; }

    /// <summary>globex's workspace, and Tim's worker sid in it.</summary>
    public (string Workspace, string Worker) Tim { get; private set; }

    /// <summary>Provisions both workspaces, then starts the service with them as the accounts' routing defaults, and Chromium.</summary>
    public async Task InitializeAsync()
    {
        var settings = Settings();
        foreach (var (key, value) in _store.Settings)
        {
            settings[key] = value;
        }

        string aliceQueue, timQueue;
        await using (var provisioning = new ApiFactory(settings))
        {
            var http = provisioning.CreateClient();
            (Alice, aliceQueue) = await ProvisionAsync(new SessionClient(http, AdminKey), "Support", "Alice", reservationTimeout: 120);
            (Tim, timQueue) = await ProvisionAsync(new SessionClient(http, ForeignKey), "Sales", "Tim", reservationTimeout: ShortOfferTimeout);
        }

        settings["Telephony:Accounts:0:DefaultWorkspace"] = Alice.Workspace;
        settings["Telephony:Accounts:0:DefaultTaskQueue"] = aliceQueue;
        settings["Telephony:Accounts:0:ApiKeys:3:Key"] = AliceKey;
        settings["Telephony:Accounts:0:ApiKeys:3:UserId"] = Alice.Worker;
        settings["Telephony:Accounts:1:DefaultWorkspace"] = Tim.Workspace;
        settings["Telephony:Accounts:1:DefaultTaskQueue"] = timQueue;
        settings["Telephony:Accounts:1:ApiKeys:1:Key"] = TimKey;
        settings["Telephony:Accounts:1:ApiKeys:1:UserId"] = Tim.Worker;
        _api = new ApiFactory(settings, kestrel: true);
        Http = _api.CreateClient();
        BaseAddress = Http.BaseAddress!;
        (_playwright, Browser) = await Chromium.LaunchAsync();
        Assertions.SetDefaultExpectTimeout(60_000);
    }

    /// <summary>A new browser context (its own storage, as a second person at another computer) with a laptop-sized page.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 860 },
        });
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        _store.Dispose();
    }

    private static async Task<((string, string), string)> ProvisionAsync(SessionClient admin, string name, string worker, int reservationTimeout)
    {
        var workspace = await admin.CreateAsync("/workspaces", new { friendlyName = name });
        var queue = await admin.CreateAsync($"/workspaces/{workspace}/task-queues", new { friendlyName = name, reservationTimeout });
        var sid = await admin.CreateAsync($"/workspaces/{workspace}/workers", new
        {
            friendlyName = worker,
            attributes = $$"""{"contact_uri":"client:{{worker.ToLowerInvariant()}}"}""",
            activity = new { name = "Offline", available = false },
        });
        return ((workspace, sid), queue);
    }
}

/// <summary>The browser tests share one service and one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleHostCollection : ICollectionFixture<ConsoleHost>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "console";
}
