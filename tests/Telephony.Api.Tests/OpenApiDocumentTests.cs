using System.Text.Json;

namespace Telephony.Api.Tests;

/// <summary>
/// <c>/openapi/v1.json</c> describes every operation well enough to generate a working client: its request body, its
/// success answer with content, and the problem details of its error statuses. A failure names every operation short of it.
/// </summary>
public sealed class OpenApiDocumentTests : IClassFixture<OpenApiDocumentTests.Document>
{
    /// <summary>Operations that take no body although their method could carry one.</summary>
    private static readonly HashSet<string> Bodiless = ["POST /simulator/calls/{callId}/hangup"];

    /// <summary>Success answers whose body is not JSON: they need a media type, not a schema.</summary>
    private static readonly HashSet<string> NonJsonMedia = ["text/event-stream", "application/xml"];

    private readonly Document _document;

    public OpenApiDocumentTests(Document document) => _document = document;

    [Fact]
    public void Every_post_and_patch_with_a_body_describes_it_with_a_schema() =>
        AssertEvery(op => op.Method is "POST" or "PATCH" && !Bodiless.Contains(op.Name), op =>
            op.Value.TryGetProperty("requestBody", out var body) && body.GetProperty("content").EnumerateObject().Any(c => c.Value.TryGetProperty("schema", out _))
                ? null
                : "no request body schema");

    [Fact]
    public void Every_operation_describes_a_success_answer_with_its_content() =>
        AssertEvery(_ => true, op =>
        {
            var successes = Responses(op).Where(r => r.Name.StartsWith('2')).ToList();
            if (successes.Count == 0)
            {
                return "no 2xx answer";
            }

            var bare = successes.Where(r => r.Name != "204" && !HasContent(r.Value)).Select(r => r.Name).ToList();
            return bare.Count == 0 ? null : $"{string.Join(", ", bare)} without a media type and schema";
        });

    [Fact]
    public void Every_operation_describes_its_error_statuses_as_problem_details() =>
        AssertEvery(_ => true, op =>
        {
            var documented = Responses(op).Select(r => r.Name).ToHashSet();
            var expected = new List<string> { "431" };
            if (!op.Path.StartsWith("/health/", StringComparison.Ordinal))
            {
                expected.AddRange(op.Path.StartsWith("/webhooks/", StringComparison.Ordinal) ? ["400", "403", "404", "413", "429"] : ["401", "429"]);
            }

            if (op.Path.Contains('{', StringComparison.Ordinal))
            {
                expected.AddRange(["400", "404"]);
            }

            if (op.Value.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out _))
            {
                expected.AddRange(["400", "413", "415"]);
            }

            var missing = expected.Distinct().Where(s => !documented.Contains(s)).ToList();
            var notProblems = Responses(op)
                .Where(r => r.Name[0] is '4' or '5' && !(op.Path == "/health/ready" && r.Name == "503"))
                .Where(r => !r.Value.TryGetProperty("content", out var content) || !content.TryGetProperty("application/problem+json", out _))
                .Select(r => r.Name)
                .ToList();
            return (missing.Count, notProblems.Count) switch
            {
                (0, 0) => null,
                _ => $"missing {string.Join(", ", missing)}; not problem details: {string.Join(", ", notProblems)}",
            };
        });

    [Fact]
    public void The_live_session_stream_and_the_webhooks_name_their_media_types()
    {
        Assert.True(_document.Operation("GET", "/sessions/events").GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("text/event-stream", out _));
        Assert.True(_document.Operation("POST", "/webhooks/twilio/voice").GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("application/xml", out _));
        Assert.True(_document.Operation("POST", "/webhooks/twilio/status").GetProperty("requestBody").GetProperty("content").TryGetProperty("application/x-www-form-urlencoded", out _));
        Assert.True(_document.Operation("POST", "/webhooks/bandwidth/voice").GetProperty("responses").TryGetProperty("204", out _));
    }

    private void AssertEvery(Func<Operation, bool> applies, Func<Operation, string?> fault)
    {
        var faults = _document.Operations.Where(applies).Select(op => (op.Name, Fault: fault(op))).Where(f => f.Fault is not null).ToList();
        Assert.True(faults.Count == 0, string.Join("\n", faults.Select(f => $"{f.Name}: {f.Fault}")));
    }

    private static IEnumerable<JsonProperty> Responses(Operation op) => op.Value.GetProperty("responses").EnumerateObject();

    private static bool HasContent(JsonElement response) =>
        response.TryGetProperty("content", out var content)
        && content.EnumerateObject().Any(c => NonJsonMedia.Contains(c.Name) || c.Value.TryGetProperty("schema", out _));

    /// <summary>One operation of the document.</summary>
    public sealed record Operation(string Method, string Path, JsonElement Value)
    {
        public string Name => $"{Method} {Path}";
    }

    /// <summary>The document of one host, read once for the class.</summary>
    public sealed class Document : IAsyncLifetime
    {
        private readonly ApiFactory _api = new(SessionAccounts.Settings());
        private JsonDocument? _json;

        public IReadOnlyList<Operation> Operations { get; private set; } = [];

        public JsonElement Operation(string method, string path) =>
            Operations.Single(o => o.Method == method && o.Path == path).Value;

        public async Task InitializeAsync()
        {
            _json = JsonDocument.Parse(await _api.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
            Operations = [.. _json.RootElement.GetProperty("paths").EnumerateObject()
                .SelectMany(path => path.Value.EnumerateObject().Select(op => new Operation(op.Name.ToUpperInvariant(), path.Name, op.Value)))];
        }

        public async Task DisposeAsync()
        {
            _json?.Dispose();
            await _api.DisposeAsync();
        }
    }
}
