using BenchmarkDotNet.Attributes;
using Orleans;
using Telephony.GrainInterfaces.Calls;
using Telephony.Providers.Twilio;

namespace Telephony.Benchmarks;

/// <summary>The pieces of a Twilio status callback's handling, one at a time.</summary>
[MemoryDiagnoser]
public class WebhookPipelineBenchmarks
{
    private const string Token = "bench-token";
    private const string Url = "http://127.0.0.1:5199/webhooks/twilio/status";
    private Dictionary<string, string> _form = null!;
    private string _signature = null!;
    private BenchSilo _silo = null!;
    private IGrainFactory _grains = null!;
    private CallEvent _event = null!;
    private int _newCalls;

    // Synchronous: BenchmarkDotNet's in-process toolchain does not wait for an asynchronous setup to finish.
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Telephony:Accounts:0:Id"] = "bench",
            ["Telephony:Accounts:0:Provider"] = "Simulator",
        };
        _silo = await BenchSilo.StartAsync(sqlite: false, configuration);
        _grains = _silo.Grains;

        _form = new Dictionary<string, string>
        {
            ["AccountSid"] = "AC0000000000000000000000000000bench",
            ["ApiVersion"] = "2010-04-01",
            ["CallSid"] = "CA00000000000000000000000000000001",
            ["CallStatus"] = "ringing",
            ["CallbackSource"] = "call-progress-events",
            ["Direction"] = "outbound-api",
            ["From"] = "+15551230001",
            ["SequenceNumber"] = "1",
            ["Timestamp"] = "Sat, 21 Nov 2026 12:00:00 +0000",
            ["To"] = "+15557654321",
        };
        _signature = TwilioSignature.Compute(Token, Url, _form);
        _event = TwilioCallbackParser.ParseCallStatus(_form, "bench", DateTimeOffset.UnixEpoch);
        await Dispatch(_event);
    }

    [GlobalCleanup]
    public void Cleanup() => _silo.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "X-Twilio-Signature check")]
    public bool Signature() => TwilioSignature.IsValid(Token, Url, _form, _signature);

    [Benchmark(Description = "dispatch of a repeated callback (provider grain, call grain, de-duplicated)")]
    public Task<IReadOnlyList<CallInstruction>> DispatchDuplicate() => Dispatch(_event);

    [Benchmark(Description = "dispatch of a new call's first callback (activation, state write)")]
    public Task<IReadOnlyList<CallInstruction>> DispatchNewCall() =>
        Dispatch(_event with { ProviderCallId = $"CA{Interlocked.Increment(ref _newCalls):x32}", EventId = $"new-{_newCalls}" });

    private Task<IReadOnlyList<CallInstruction>> Dispatch(CallEvent callEvent) =>
        _grains.GetGrain<IProviderGrain>(CallKeys.Provider(callEvent.Provider)).Dispatch(callEvent);

    [Benchmark(Description = "status callback parse")]
    public object Parse() => TwilioCallbackParser.ParseCallStatus(_form, "bench", DateTimeOffset.UnixEpoch);
}
