using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Telephony.Providers.Twilio;

namespace Telephony.Api.Tests.Hardening;

/// <summary>
/// Generators of bad requests over the routes of the OpenAPI document and the provider webhooks: wrong types,
/// missing, extra, null and duplicate fields, huge strings, deep nesting, bad UTF-8, wrong and unknown content types
/// and charsets, truncated and empty bodies, bad numbers and paging, control, XML-forbidden, unicode and
/// path-traversal characters in ids, queries and bodies, oversized bodies and headers, wrong methods, every key; and
/// callbacks built from valid ones by a few mutations, signed or not.
/// </summary>
internal sealed class FuzzGenerators(HardeningWorld world, IReadOnlyList<ApiRoute> routes)
{
    /// <summary>Query values and path segments, already escaped for a URL.</summary>
    private static readonly string[] HostileUrlText =
    [
        "", "-1", "0", "1001", "2147483648", "99999999999999999999", "abc", "true", "NaN", "1e3", "%00", "%FF", "%C0%AF",
        "%EF%BF%BE", "%EF%BF%BF", "%0D%0A", "%01", "%7F", "..", "..%2F..%2Fetc%2Fpasswd", "%2E%2E", "%2B15551234567", "a%40b.c",
        "%E2%80%AE", "%F0%9F%98%80", "2024-13-45", "2024-01-01", "Voice", "pending", "reserved", "AAAA", "eyJ9", "%3Cx%3E%26",
        new string('a', 5_000),
    ];

    /// <summary>Decoded text with the characters that break parsers and markup.</summary>
    private static readonly string[] HostileText =
    [
        "", " ", "\u0000", "\u0001", "\u001b", "\u007f", "\uFFFE", "\uFFFF", "\r\n", "é", "\U0001F600", "<x>&'\"", "../../etc/passwd",
        "+", "+1", "+15551234567", "a@b.c", "session+42", "CA\uFFFE1", "-1", "99999999999999999999", new string('a', 70_000),
    ];

    /// <summary>JSON values as text, of every type and several bad shapes.</summary>
    private static readonly string[] JsonValues =
    [
        "null", "true", "false", "0", "-1", "1.5", "1e309", "-99999999999999999999999", "[]", "{}", "[1,2]", "\"\"", "\"\\u0000\"",
        "\"\\ud800\"", "\"\\uFFFE\"", "\"<x>&\"", "\"../../etc\"", "\"+15551234567\"", "\"a@b.c\"", "\"Hold\"", "\"Connected\"",
        "\"Voice\"", "\"Chat\"", "\"99999999999999999999\"", "\"\\u001b[31m\"", $"\"{new string('a', 70_000)}\"",
    ];

    private static readonly string[] FieldNames =
    [
        "destination", "callerId", "numberToDial", "channel", "callSid", "reason", "consoleData", "callState", "queueState",
        "holdReason", "memberToAdd", "fromNumber", "friendlyName", "attributes", "activity", "queueSid", "priority", "sessionId",
        "requiredSkills", "reservationTimeout", "maxReservedWorkers", "to", "from", "url", "hold", "muted", "expectedVersion", "$type",
    ];

    private static readonly string[] QueryNames =
    [
        "pageSize", "pageToken", "page", "countPerPage", "ended", "channel", "from", "to", "startDate", "endDate", "simplifiedPaging",
        "AssignmentStatus", "TaskQueueSid", "callSid", "conference", "transferTo", "callerId",
    ];

    private static readonly string?[] ContentTypes =
    [
        "application/json", "application/json", "application/json; charset=utf-8", "application/json; charset=no-such-charset",
        "application/json; charset=utf-16", "application/json; charset=\"\"", "text/plain", "application/xml",
        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", null, "application/merge-patch+json", "garbage;;;=",
    ];

    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"];

    private static readonly Gen<string> JsonValue = Gen.Frequency(
        (4, Gen.OneOf(JsonValues)),
        (1, Gen.String[Gen.Char, 0, 20].Select(s => System.Text.Json.JsonSerializer.Serialize(s))));

    private static readonly Gen<string> UrlText = Gen.Frequency(
        (4, Gen.OneOf(HostileUrlText)),
        (1, Gen.String[Gen.Char[' ', '~'], 0, 20].Select(Uri.EscapeDataString)));

    private static readonly Gen<string> Query = Gen.Frequency(
        (5, Gen.Const(string.Empty)),
        (5, Gen.Select(Gen.OneOf(QueryNames), UrlText, (name, value) => $"{name}={value}").Array[1, 3].Select(pairs => "?" + string.Join('&', pairs))));

    private static readonly Gen<KeyValuePair<string, string>[]> ExtraHeaders = Gen.Frequency(
        (6, Gen.Const(Array.Empty<KeyValuePair<string, string>>())),
        (1, Gen.Const(new[] { KeyValuePair.Create("X-Padding", new string('a', 40_000)) })),
        (1, Gen.OneOf("\"3\"", "*", "W/\"1\"", "\"-1\"", "\"99999999999999999999\"", "garbage", "\"").Select(v => new[] { KeyValuePair.Create("If-Match", v) })),
        (1, Gen.OneOf("-1", "abc", "99999999999999999999", "1e3", "").Select(v => new[] { KeyValuePair.Create("Last-Event-ID", v) })),
        (1, Gen.OneOf("application/xml", "*/*", "text/event-stream", "garbage").Select(v => new[] { KeyValuePair.Create("Accept", v) })));

    /// <summary>A request to a route of the OpenAPI document.</summary>
    public Gen<FuzzCase> ApiRequest() =>
        from route in Gen.OneOf([.. routes])
        from key in Gen.Enum<FuzzKey>()
        from ids in Gen.Frequency((6, Gen.Const(IdChoice.Existing)), (2, Gen.Const(IdChoice.Missing)), (2, Gen.Const(IdChoice.Hostile)))
        from hostileId in UrlText
        from method in Gen.Frequency((8, Gen.Const(route.Method.Method)), (2, Gen.OneOf(Methods)))
        from query in Query
        from body in Body(route.ValidBody ?? "{}", optional: route.ValidBody is null)
        from headers in ExtraHeaders
        select ApiCase(route, key, ids, hostileId, method, query, body, headers);

    /// <summary>A Twilio callback to one of its three webhooks, built from a valid one.</summary>
    public Gen<FuzzCase> TwilioCallback() =>
        from path in Gen.OneOf("/webhooks/twilio/voice", "/webhooks/twilio/status", "/webhooks/twilio/conference")
        from callSid in Gen.Guid.Select(g => "CA" + g.ToString("N"))
        from mutations in Gen.Select(Gen.OneOf(TwilioFieldNames), Gen.OneOf<string?>([.. HostileText, null]), (name, value) => (name, value)).Array[0, 3]
        from signed in Gen.Frequency((7, Gen.Const(true)), (3, Gen.Const(false)))
        from contentType in Gen.Frequency((8, Gen.Const<string?>("application/x-www-form-urlencoded")), (2, Gen.OneOf(ContentTypes)))
        from tail in Gen.Frequency((8, Gen.Const(string.Empty)), (1, Gen.OneOf("&%FF=%FE", "&=&&", "%", "&a=%E0%80")))
        select TwilioCase(path, callSid, mutations, signed, contentType, tail);

    /// <summary>A Bandwidth callback, built from a valid one.</summary>
    public Gen<FuzzCase> BandwidthCallback() =>
        from eventType in Gen.OneOf("initiate", "answer", "disconnect", "conferenceMemberJoin", "transferComplete", "redirect", "holographicProjection")
        from callId in Gen.Guid.Select(g => $"c-{g:N}")
        from body in Body(BandwidthBase(eventType, callId), optional: false)
        from query in Gen.Frequency(
            (6, Gen.Const(string.Empty)),
            (3, Gen.Select(Gen.OneOf("conference", "transferTo", "callerId"), UrlText, (name, value) => $"?{name}={value}")))
        from credentials in Gen.OneOf(Credentials.Right, Credentials.Right, Credentials.Right, Credentials.None, Credentials.WrongPassword, Credentials.UnknownUser)
        select BandwidthCase(query, body, credentials);

    private static readonly string[] TwilioFieldNames =
        ["CallSid", "AccountSid", "CallStatus", "From", "To", "Direction", "SequenceNumber", "Timestamp", "ParentCallSid", "ConferenceSid", "FriendlyName", "StatusCallbackEvent", "ErrorCode", "Extra"];

    private enum IdChoice
    {
        Existing,
        Missing,
        Hostile,
    }

    private enum Credentials
    {
        Right,
        None,
        WrongPassword,
        UnknownUser,
    }

    /// <summary>A body built from <paramref name="baseJson"/>: as it is, with one field changed, dropped or repeated, or replaced whole.</summary>
    private static Gen<(string? ContentType, byte[]? Bytes)> Body(string baseJson, bool optional) =>
        from shape in Gen.Frequency(
            (optional ? 3 : 1, Gen.Const((string?)null)),
            (2, Gen.Const<string?>(baseJson)),
            (4, Gen.Select(Gen.OneOf(FieldNames), JsonValue, (field, value) => (string?)WithField(baseJson, field, value))),
            (1, Gen.OneOf(FieldNames).Select(field => (string?)WithoutField(baseJson, field))),
            (1, Gen.Select(Gen.OneOf(FieldNames), JsonValue, (field, value) => (string?)$"{baseJson.TrimEnd()[..^1]}{(baseJson.Contains(':', StringComparison.Ordinal) ? "," : string.Empty)}\"{field}\":{value},\"{field}\":{value}}}")),
            (1, Gen.Int[0, 40].Select(cut => (string?)baseJson[..Math.Min(cut, baseJson.Length)])),
            (1, JsonValue.Select(v => (string?)v)),
            (1, Gen.Int[60, 3_000].Select(depth => (string?)(new string('[', depth) + new string(']', depth)))),
            (1, Gen.Const<string?>($"{{\"destination\":\"{new string('a', 2_000_000)}\"}}")))
        from bytes in shape is null ? Gen.Const((byte[]?)null) : Gen.Frequency(
            (8, Gen.Const<byte[]?>(Encoding.UTF8.GetBytes(shape))),
            (1, Gen.Int[0, shape.Length].Select(at => (byte[]?)WithBadUtf8(shape, at))),
            (1, Gen.Byte.Array[0, 64].Select(b => (byte[]?)b)))
        from contentType in Gen.OneOf(ContentTypes)
        select (contentType, bytes);

    /// <summary>The UTF-8 of <paramref name="text"/> with bytes no UTF-8 text has inserted at <paramref name="at"/>.</summary>
    private static byte[] WithBadUtf8(string text, int at) =>
        [.. Encoding.UTF8.GetBytes(text[..at]), 0xFF, 0xC0, 0xAF, .. Encoding.UTF8.GetBytes(text[at..])];

    private static string WithField(string json, string field, string value) =>
        JsonNode.Parse(json) is JsonObject body ? Set(body, field, value) : json;

    private static string Set(JsonObject body, string field, string value)
    {
        body.Remove(field);
        var text = body.ToJsonString();
        return $"{text[..^1]}{(body.Count > 0 ? "," : string.Empty)}\"{field}\":{value}}}";
    }

    private static string WithoutField(string json, string field)
    {
        if (JsonNode.Parse(json) is not JsonObject body)
        {
            return json;
        }

        body.Remove(field);
        return body.ToJsonString();
    }

    private static string BandwidthBase(string eventType, string callId) =>
        $$"""{"eventType":"{{eventType}}","eventTime":"2024-06-20T15:55:00.000Z","accountId":"{{WebhookAccounts.BandwidthAccountId}}","from":"+15551112222","to":"+15553334444","direction":"inbound","callId":"{{callId}}","conferenceId":"conf-1","name":"room-1"}""";

    private FuzzCase ApiCase(ApiRoute route, FuzzKey key, IdChoice choice, string hostileId, string method, string query, (string? ContentType, byte[]? Bytes) body, KeyValuePair<string, string>[] extraHeaders)
    {
        var owner = key is FuzzKey.OwnerUser or FuzzKey.OwnerAdmin;
        var existing = (owner ? world.Playground : world.Guarded).ByParameter;
        var missing = ObjectIds.Missing().ByParameter;
        var values = route.PathParameters.ToDictionary(p => p, p => choice == IdChoice.Missing ? Uri.EscapeDataString(missing[p]) : Uri.EscapeDataString(existing[p]));
        if (choice == IdChoice.Hostile && route.PathParameters.Count > 0)
        {
            values[route.PathParameters[^1]] = hostileId;
        }

        List<KeyValuePair<string, string>> headers = [.. extraHeaders];
        if (Authorization(key) is { } authorization)
        {
            headers.Add(KeyValuePair.Create("Authorization", authorization));
        }

        var request = new FuzzRequest(method, Fill(route, values) + query, headers, body.ContentType, body.Bytes);
        if (owner || key is FuzzKey.None or FuzzKey.Junk || choice != IdChoice.Existing || route.PathParameters.Count == 0)
        {
            return new FuzzCase(request, null, []);
        }

        var twinValues = route.PathParameters.ToDictionary(p => p, p => Uri.EscapeDataString(missing[p]));
        var twin = request with { Target = Fill(route, twinValues) + query };
        return new FuzzCase(request, twin, [.. route.PathParameters.Select(p => (p, existing[p], missing[p]))]);
    }

    private static string Fill(ApiRoute route, Dictionary<string, string> escapedValues) =>
        route.PathParameters.Aggregate(route.Template, (path, name) => path.Replace($"{{{name}}}", escapedValues[name], StringComparison.Ordinal));

    private static string? Authorization(FuzzKey key) => key switch
    {
        FuzzKey.None => null,
        FuzzKey.Junk => "Bearer junk-key-that-nobody-configured",
        FuzzKey.ForeignUser => $"Bearer {HardeningWorld.ForeignUserKey}",
        FuzzKey.ForeignAdmin => $"Bearer {HardeningWorld.ForeignAdminKey}",
        FuzzKey.OwnerUser => $"Bearer {HardeningWorld.OwnerUserKey}",
        _ => $"Bearer {HardeningWorld.OwnerAdminKey}",
    };

    private static FuzzCase TwilioCase(string path, string callSid, (string Name, string? Value)[] mutations, bool signed, string? contentType, string tail)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["CallSid"] = callSid,
            ["AccountSid"] = WebhookAccounts.TwilioAccountSid,
            ["From"] = "+15551230001",
            ["To"] = "+15557654321",
            ["CallStatus"] = path.EndsWith("voice", StringComparison.Ordinal) ? "ringing" : "in-progress",
            ["Direction"] = "inbound",
            ["SequenceNumber"] = "1",
            ["Timestamp"] = "Thu, 1 Jun 2017 20:48:32 +0000",
        };
        if (path.EndsWith("conference", StringComparison.Ordinal))
        {
            form["ConferenceSid"] = "CF0123456789abcdef0123456789abcdef";
            form["FriendlyName"] = "room-1";
            form["StatusCallbackEvent"] = "participant-join";
        }

        foreach (var (name, value) in mutations)
        {
            if (value is null)
            {
                form.Remove(name);
            }
            else
            {
                form[name] = value;
            }
        }

        var body = string.Join('&', form.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}")) + tail;
        List<KeyValuePair<string, string>> headers = [];
        if (signed)
        {
            headers.Add(KeyValuePair.Create(TwilioSignature.HeaderName, TwilioSignature.Compute(WebhookAccounts.TwilioAuthToken, WebhookAccounts.PublicBaseUrl + path, form)));
        }

        return new FuzzCase(new FuzzRequest("POST", path, headers, contentType, Encoding.UTF8.GetBytes(body)), null, []);
    }

    private static FuzzCase BandwidthCase(string query, (string? ContentType, byte[]? Bytes) body, Credentials credentials)
    {
        var (user, password) = credentials switch
        {
            Credentials.Right => (WebhookAccounts.BandwidthUser, WebhookAccounts.BandwidthPassword),
            Credentials.WrongPassword => (WebhookAccounts.BandwidthUser, "guess"),
            Credentials.UnknownUser => ("somebody-else", WebhookAccounts.BandwidthPassword),
            _ => (null, null),
        };
        List<KeyValuePair<string, string>> headers = [];
        if (user is not null)
        {
            headers.Add(KeyValuePair.Create("Authorization", new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"))).ToString()));
        }

        return new FuzzCase(new FuzzRequest("POST", "/webhooks/bandwidth/voice" + query, headers, body.ContentType, body.Bytes), null, []);
    }
}
