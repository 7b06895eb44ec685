using Telephony.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Telephony.GrainInterfaces.Calls;
using Telephony.Providers.Simulator;

namespace Telephony.Providers.Tests.Simulator;

/// <summary>Simulator defaults, fake credentials and the per-account registry.</summary>
public sealed class SimulatorSettingsTests
{
    [Fact]
    public void Defaults_are_twilio_format_with_busy_and_no_answer_patterns()
    {
        var settings = SimulatorSettings.ForAccount("acct-1");

        Assert.Equal(SimulatorFormat.Twilio, settings.Format);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.AnswerDelay);
        Assert.Equal(("0000$", "9999$"), (settings.BusyPattern, settings.NoAnswerPattern));
    }

    [Fact]
    public void Fake_credentials_are_stable_per_account_distinct_between_accounts_and_shaped_like_real_ones()
    {
        var first = SimulatorSettings.ForAccount("acct-1");
        var again = SimulatorSettings.ForAccount("acct-1");
        var other = SimulatorSettings.ForAccount("acct-2");

        Assert.Equal(first, again);
        Assert.NotEqual(first.Twilio.AccountSid, other.Twilio.AccountSid);
        Assert.NotEqual(first.Twilio.AuthToken, other.Twilio.AuthToken);
        Assert.NotEqual(first.Bandwidth.CallbackUsername, other.Bandwidth.CallbackUsername);
        Assert.NotEqual(first.Bandwidth.CallbackPassword, other.Bandwidth.CallbackPassword);
        Assert.Matches("^AC[0-9a-f]{32}$", first.Twilio.AccountSid);
        Assert.Matches("^[0-9a-f]{32}$", first.Twilio.AuthToken);
        Assert.Matches("^[0-9]{8}$", first.Bandwidth.AccountId);
        Assert.True(Guid.TryParse(first.Bandwidth.ApplicationId, out _));
    }

    [Fact]
    public async Task The_registry_shares_one_network_per_account()
    {
        using var httpClient = new HttpClient();
        await using var registry = new SimulatorNetworkRegistry(
            new Uri("https://telephony.example.test/"),
            () => new Uri("http://127.0.0.1:1/"),
            httpClient,
            new ManualTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero)),
            NullLoggerFactory.Instance);
        Assert.Null(registry.Find("acct-1"));

        var network = registry.GetOrCreate("acct-1", SimulatorSettings.ForAccount("acct-1"));
        var provider = registry.CreateProvider("acct-1", SimulatorSettings.ForAccount("acct-1") with { Format = SimulatorFormat.Bandwidth });

        Assert.Same(network, registry.Find("acct-1"));
        Assert.Same(network, provider.Network);
        Assert.Equal(SimulatorFormat.Twilio, provider.Network.Settings.Format);
        Assert.Equal(ProviderKind.Simulator, provider.Kind);
        Assert.NotSame(network, registry.GetOrCreate("acct-2", SimulatorSettings.ForAccount("acct-2")));
    }
}
