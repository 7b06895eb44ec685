using System.Text;
using BenchmarkDotNet.Attributes;
using Telephony.Providers.Twilio;
using Twilio.Security;

namespace Telephony.Benchmarks;

/// <summary>
/// The X-Twilio-Signature check: ours (<see cref="TwilioSignature"/>) against the Twilio library's
/// <see cref="RequestValidator"/>, each accepting the same signed requests: a status callback's form, a JSON body
/// signed through <c>bodySHA256</c>, and a form signed at the URL's other port form (the second try of both).
/// </summary>
[MemoryDiagnoser]
public class SignatureBenchmarks
{
    // One check takes about a microsecond: each invocation makes many, so the shared job's few invocations time them well.
    private const int Checks = 4_000;
    private const string Token = "bench-auth-token-0123456789abcdef";
    private const string Url = "https://telephony.example.com/webhooks/twilio/status";
    private const string UrlWithPort = "https://telephony.example.com:443/webhooks/twilio/status";

    private readonly RequestValidator _library = new(Token);
    private KeyValuePair<string, string>[] _pairs = null!;
    private Dictionary<string, string> _fields = null!;
    private string _formSignature = null!;
    private string _portSignature = null!;
    private string _jsonUrl = null!;
    private string _jsonBody = null!;
    private byte[] _jsonBytes = null!;
    private string _jsonSignature = null!;

    /// <summary>Signs the requests and checks that both validators accept every one, so each benchmark times an accepting check.</summary>
    [GlobalSetup]
    public void Setup()
    {
        // What the webhook has at hand: the parsed pairs (ours) and the fields by name (the library takes a dictionary).
        _fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AccountSid"] = "AC0000000000000000000000000000bench",
            ["ApiVersion"] = "2010-04-01",
            ["CallSid"] = "CA00000000000000000000000000000001",
            ["CallStatus"] = "ringing",
            ["Called"] = "+15557654321",
            ["Caller"] = "+15551230001",
            ["CallbackSource"] = "call-progress-events",
            ["Direction"] = "outbound-api",
            ["From"] = "+15551230001",
            ["ParentCallSid"] = "",
            ["SequenceNumber"] = "1",
            ["Timestamp"] = "Sat, 21 Nov 2026 12:00:00 +0000",
            ["To"] = "+15557654321",
        };
        _pairs = [.. _fields];
        _formSignature = TwilioSignature.Compute(Token, Url, _pairs);
        _portSignature = TwilioSignature.Compute(Token, UrlWithPort, _pairs);
        _jsonBody = """{"AccountSid":"AC0000000000000000000000000000bench","CallSid":"CA00000000000000000000000000000001","CallStatus":"ringing","SequenceNumber":1}""";
        _jsonBytes = Encoding.UTF8.GetBytes(_jsonBody);
        _jsonUrl = $"{Url}?{TwilioSignature.BodyHashParameter}={TwilioSignature.ComputeBodyHash(_jsonBytes)}";
        _jsonSignature = TwilioSignature.Compute(Token, _jsonUrl);
        if (!(FormOurs() && FormLibrary() && PortVariantOurs() && PortVariantLibrary() && JsonOurs() && JsonLibrary()))
        {
            throw new InvalidOperationException("A validator refused a correctly signed request.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Checks, Description = "form: ours")]
    public bool FormOurs()
    {
        var valid = true;
        for (var i = 0; i < Checks; i++)
        {
            valid &= TwilioSignature.IsValid(Token, Url, _pairs, _formSignature);
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = Checks, Description = "form: library")]
    public bool FormLibrary()
    {
        var valid = true;
        for (var i = 0; i < Checks; i++)
        {
            valid &= _library.Validate(Url, _fields, _formSignature);
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = Checks, Description = "form signed with :443, checked without: ours")]
    public bool PortVariantOurs()
    {
        var valid = true;
        for (var i = 0; i < Checks; i++)
        {
            valid &= TwilioSignature.IsValid(Token, Url, _pairs, _portSignature);
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = Checks, Description = "form signed with :443, checked without: library")]
    public bool PortVariantLibrary()
    {
        var valid = true;
        for (var i = 0; i < Checks; i++)
        {
            valid &= _library.Validate(Url, _fields, _portSignature);
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = Checks, Description = "JSON body (bodySHA256): ours")]
    public bool JsonOurs()
    {
        var valid = true;
        for (var i = 0; i < Checks; i++)
        {
            valid &= TwilioSignature.IsValidJsonBody(Token, _jsonUrl, _jsonBytes, _jsonSignature);
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = Checks, Description = "JSON body (bodySHA256): library")]
    public bool JsonLibrary()
    {
        var valid = true;
        for (var i = 0; i < Checks; i++)
        {
            valid &= _library.Validate(_jsonUrl, _jsonBody, _jsonSignature);
        }

        return valid;
    }
}
