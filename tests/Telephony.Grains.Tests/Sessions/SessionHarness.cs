using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Telephony.GrainInterfaces.Calls;
using Telephony.GrainInterfaces.Sessions;
using Telephony.Providers.Accounts;
using Telephony.Testing;

namespace Telephony.Grains.Tests.Sessions;

/// <summary>A one-silo cluster with the product's grains and one Twilio account whose REST API is <see cref="FakeTwilioApi"/>.</summary>
internal sealed class SessionHarness : IAsyncDisposable
{
    public const string AccountId = "acme";
    public const string CallerId = "+15550100000";
    public const string Customer = "+15550001111";

    public static readonly SessionCaller Agent = new(AccountId, "agent@acme.example", IsAdmin: false);

    private SessionHarness(TelephonyCluster cluster, FakeTwilioApi twilio)
    {
        Cluster = cluster;
        Twilio = twilio;
    }

    public TelephonyCluster Cluster { get; }

    public FakeTwilioApi Twilio { get; }

    public IGrainFactory Grains => Cluster.GrainFactory;

    /// <summary>Starts the cluster on Orleans' memory storage, or on <paramref name="store"/> to show what a restart keeps.</summary>
    public static async Task<SessionHarness> StartAsync(
        TemporarySqliteFile? store = null,
        ManualTimeProvider? time = null,
        FakeTwilioApi? twilio = null,
        TimeSpan? responseTimeout = null,
        Action<IServiceCollection>? services = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        short silos = 1)
    {
        twilio ??= new FakeTwilioApi();
        var all = new Dictionary<string, string?>(store?.Settings ?? new Dictionary<string, string?>())
        {
            ["Telephony:PublicBaseUrl"] = "https://telephony.example.com",
            ["Telephony:Providers:RetryAttempts"] = "0",
            ["Telephony:Accounts:0:Id"] = AccountId,
            ["Telephony:Accounts:0:Provider"] = "Twilio",
            ["Telephony:Accounts:0:CallerId"] = CallerId,
            ["Telephony:Accounts:0:Twilio:AccountSid"] = "AC00000000000000000000000000000001",
            ["Telephony:Accounts:0:Twilio:AuthToken"] = "token",
            ["Telephony:Accounts:0:Twilio:ApiBaseUrl"] = "http://twilio.test",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var cluster = await TelephonyCluster.StartAsync(
            all,
            silo =>
            {
                silo.AddHttpClient(CallProviderCatalog.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => twilio);
                services?.Invoke(silo);
            },
            time,
            silos,
            responseTimeout);
        return new SessionHarness(cluster, twilio);
    }

    public ISessionGrain Session(string id) => Grains.GetGrain<ISessionGrain>(id);

    /// <summary>Starts an outgoing call and reports its leg answered and in the session's conference.</summary>
    public async Task<SessionInfo> ConnectedCallAsync(string sessionId)
    {
        var started = Succeeded(await Session(sessionId).Start(Agent, new NewSession { Channel = FlowChannels.Voice, Destination = Customer }));
        await CallbackAsync(started.CallSid!, CallEventType.Answered, "answered");
        await CallbackAsync(started.CallSid!, CallEventType.ConferenceMemberJoined, "joined", CallKeys.ConferenceOfSession(sessionId));
        return await UntilAsync(sessionId, s => s.CallState == SessionCallState.Connected, "the call connected");
    }

    /// <summary>Delivers a Twilio callback for <paramref name="callSid"/> as the webhooks would.</summary>
    public Task<IReadOnlyList<CallInstruction>> CallbackAsync(string callSid, CallEventType type, string eventId, string? conferenceName = null, DisconnectCause? cause = null) =>
        Grains.GetGrain<IProviderGrain>(CallKeys.Provider(ProviderKind.Twilio)).Dispatch(new CallEvent
        {
            Provider = ProviderKind.Twilio,
            AccountId = AccountId,
            Type = type,
            ProviderEventType = type.ToString(),
            EventId = $"{callSid}:{eventId}",
            EventTime = DateTimeOffset.UnixEpoch,
            ProviderCallId = callSid,
            ConferenceName = conferenceName,
            ConferenceId = conferenceName is null ? null : FakeTwilioApi.ConferenceSid,
            Cause = cause,
        });

    public async Task<SessionInfo> GetAsync(string sessionId) => Succeeded(await Session(sessionId).Get(AccountId));

    public async Task<SessionInfo> UntilAsync(string sessionId, Func<SessionInfo, bool> condition, string what)
    {
        SessionInfo? last = null;
        await Eventually.Until(async () => condition(last = await GetAsync(sessionId)), what);
        return last!;
    }

    public static SessionInfo Succeeded(GrainInterfaces.Routing.RoutingResult<SessionInfo> result)
    {
        Assert.True(result.IsSuccess, $"{result.Outcome}: {result.Error}");
        return result.Value!;
    }

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}
