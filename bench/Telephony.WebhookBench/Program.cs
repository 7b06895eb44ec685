using System.Globalization;
using System.Text;
using Orleans;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;
using Telephony.Api.Hosting;
using Telephony.Providers.Twilio;

// Usage: Telephony.WebhookBench <port> <Memory|Sqlite> <folder> [calls]
// Writes <calls> x 4 distinct signed status callbacks (initiated, ringing, in-progress, completed) to
// <folder>/requests.txt and a quarter as many to <folder>/warmup.txt (different calls, so the measured
// run is not replaying the warm-up) for wrk to replay, then serves the API plus a bare 204 endpoint
// and a state-write floor until stopped. The SQLite file lives in <folder> too.
const string AccountSid = "AC0000000000000000000000000000bench";
const string AuthToken = "bench-token";

var port = int.Parse(args[0], CultureInfo.InvariantCulture);
var storage = args[1];
var folder = args[2];
var calls = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 100_000;
var publicBaseUrl = $"http://127.0.0.1:{port}";

WriteRequests(Path.Combine(folder, "requests.txt"), "CA", calls, $"{publicBaseUrl}/webhooks/twilio/status");
WriteRequests(Path.Combine(folder, "warmup.txt"), "CB", calls / 4, $"{publicBaseUrl}/webhooks/twilio/status");

var builder = WebApplication.CreateBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.UseUrls(publicBaseUrl);
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Telephony:PublicBaseUrl"] = publicBaseUrl,
    ["Telephony:Storage:Provider"] = storage,
    ["Telephony:Storage:ConnectionString"] = $"Data Source={Path.Combine(folder, "telephony.db")}",
    ["Telephony:Accounts:0:Id"] = "bench",
    ["Telephony:Accounts:0:Provider"] = "Twilio",
    ["Telephony:Accounts:0:Twilio:AccountSid"] = AccountSid,
    ["Telephony:Accounts:0:Twilio:AuthToken"] = AuthToken,
});
builder.AddTelephonyApi();
builder.Services.AddOptions<SystemTextJsonGrainStorageSerializerOptions>()
    .Configure(o => o.JsonSerializerOptions.TypeInfoResolverChain.Add(BenchJsonContext.Default));
var app = builder.Build();
app.MapTelephonyApi();
app.MapPost("/bench/bare", () => Results.NoContent());

// The floor under any stored callback: the bare endpoint plus what a call leg asks of the grain store per
// callback (a state write of about 340 bytes, the size of a finished call's state, and the activation's read
// every fourth), with no parsing and no grains.
var grainStorage = app.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
var statePayload = new string('x', 320);
long stateWrites = 0;
app.MapPost("/bench/state-write", async () =>
{
    var write = Interlocked.Increment(ref stateWrites);
    var grainId = GrainId.Create("benchstatewrite", write.ToString("x32", CultureInfo.InvariantCulture));
    var state = new GrainState<FloorState>(new FloorState { Payload = statePayload });
    if (write % 4 == 0)
    {
        await grainStorage.ReadStateAsync("call", grainId, new GrainState<FloorState>());
    }

    await grainStorage.WriteStateAsync("call", grainId, state);
    return Results.NoContent();
});
// The Orleans floor: the state-write floor's store work done the way Orleans does it for a call leg, with no parsing
// and none of our logic: two grain calls (a stateless worker, then a keyed grain that writes its state and leaves
// memory after its fourth call, so a new grain activates every fourth request).
var relay = app.Services.GetRequiredService<IGrainFactory>().GetGrain<IFloorRelayGrain>("floor");
long floorRequests = 0;
app.MapPost("/bench/grain-floor", async () =>
{
    var request = Interlocked.Increment(ref floorRequests);
    await relay.Relay((request / 4).ToString("x32", CultureInfo.InvariantCulture), (int)(request % 4));
    return Results.NoContent();
});
app.MapGet("/bench/allocated", () => Results.Text(GC.GetTotalAllocatedBytes().ToString(CultureInfo.InvariantCulture)));
app.Run();

static void WriteRequests(string file, string prefix, int calls, string url)
{
    string[] statuses = ["initiated", "ringing", "in-progress", "completed"];
    using var writer = new StreamWriter(file, append: false, Encoding.ASCII);
    for (var call = 0; call < calls; call++)
    {
        var callSid = $"{prefix}{call:x32}";
        for (var sequence = 0; sequence < statuses.Length; sequence++)
        {
            var form = new Dictionary<string, string>
            {
                ["AccountSid"] = AccountSid,
                ["ApiVersion"] = "2010-04-01",
                ["CallSid"] = callSid,
                ["CallStatus"] = statuses[sequence],
                ["CallbackSource"] = "call-progress-events",
                ["Direction"] = "outbound-api",
                ["From"] = "+15551230001",
                ["SequenceNumber"] = sequence.ToString(CultureInfo.InvariantCulture),
                ["Timestamp"] = "Sat, 21 Nov 2026 12:00:00 +0000",
                ["To"] = "+15557654321",
            };
            var body = string.Join('&', form.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
            writer.Write(body);
            writer.Write('\t');
            writer.WriteLine(TwilioSignature.Compute(AuthToken, url, form));
        }
    }
}

/// <summary>The state the state-write floor stores: about as large as a finished call leg's.</summary>
public sealed class FloorState
{
    public string Payload { get; set; } = string.Empty;
}

/// <summary>The floor's stored state contract.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(FloorState))]
internal sealed partial class BenchJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
