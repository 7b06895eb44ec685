using Telephony.Testing;
using Telephony.GrainInterfaces.Calls;
using Telephony.Providers.Simulator;

namespace Telephony.Providers.Tests.Simulator;

/// <summary>A simulator on a manual clock wired to a loopback service that checks and parses its callbacks.</summary>
internal sealed class SimulatorHarness : IAsyncDisposable
{
    /// <summary>Our number.</summary>
    public const string OurNumber = "+14155550100";

    /// <summary>How long called numbers ring before answering.</summary>
    public static readonly TimeSpan AnswerDelay = TimeSpan.FromSeconds(3);

    private readonly HttpClient _httpClient;
    private int _commands;

    private SimulatorHarness(HttpClient httpClient, LoopbackTelephonyService service, SimulatedNetwork network, ManualTimeProvider clock, ListLogger logger)
    {
        _httpClient = httpClient;
        Service = service;
        Network = network;
        Clock = clock;
        Logger = logger;
        Provider = new SimulatorCallProvider(network);
    }

    /// <summary>Our service.</summary>
    public LoopbackTelephonyService Service { get; }

    /// <summary>The simulator.</summary>
    public SimulatedNetwork Network { get; }

    /// <summary>The commands' way in.</summary>
    public SimulatorCallProvider Provider { get; }

    /// <summary>The simulator's clock.</summary>
    public ManualTimeProvider Clock { get; }

    /// <summary>The simulator's log.</summary>
    public ListLogger Logger { get; }

    /// <summary>The account's settings as our service knows them.</summary>
    public static SimulatorSettings AccountSettings(SimulatorFormat format) =>
        SimulatorSettings.ForAccount(LoopbackTelephonyService.AccountId) with { Format = format, AnswerDelay = AnswerDelay };

    /// <summary>Starts both sides; <paramref name="tamper"/> changes what the simulator runs with (for example a wrong token).</summary>
    public static async Task<SimulatorHarness> StartAsync(SimulatorFormat format, Func<SimulatorSettings, SimulatorSettings>? tamper = null)
    {
        var settings = AccountSettings(format);
        var service = await LoopbackTelephonyService.StartAsync(settings);
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));
        var logger = new ListLogger();
        var httpClient = new HttpClient();
        var network = new SimulatedNetwork(
            LoopbackTelephonyService.AccountId,
            tamper is null ? settings : tamper(settings),
            LoopbackTelephonyService.PublicBaseUrl,
            () => service.ListeningUrl,
            httpClient,
            clock,
            logger);
        return new SimulatorHarness(httpClient, service, network, clock, logger);
    }

    /// <summary>Waits until every callback so far has been delivered and answered.</summary>
    public async Task SettleAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Network.WhenIdleAsync(deadline.Token);
    }

    /// <summary>Moves the simulator's clock and lets what follows play out.</summary>
    public Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        return SettleAsync();
    }

    /// <summary>Runs a command and lets what follows play out.</summary>
    public async Task<CommandResult> RunAsync(CallCommand command)
    {
        var result = await Provider.ExecuteAsync(command, CancellationToken.None);
        await SettleAsync();
        return result;
    }

    /// <summary>A fresh command id.</summary>
    public string NextCommandId() => $"cmd-{Interlocked.Increment(ref _commands)}";

    /// <summary>The events our service received about leg <paramref name="callId"/>.</summary>
    public IReadOnlyList<CallEvent> EventsOf(string callId) => [.. Service.Events.Where(e => e.ProviderCallId == callId)];

    /// <summary>The simulator's state of leg <paramref name="callId"/>.</summary>
    public SimulatedCall Call(string callId) => Network.FindCall(callId) ?? throw new InvalidOperationException($"No call {callId}.");

    /// <summary>Every callback the simulator sent reached our service, and our service found each one authentic.</summary>
    public void AssertEveryCallbackAuthentic()
    {
        Assert.NotEmpty(Service.Received);
        Assert.Equal(Network.Callbacks.Count, Service.Received.Count);
        Assert.All(Service.Received, r => Assert.True(r.Authentic, $"{r.Path} was refused"));
        Assert.All(Network.Callbacks, c => Assert.Null(c.Error));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Network.DisposeAsync();
        await Service.DisposeAsync();
        _httpClient.Dispose();
    }
}
