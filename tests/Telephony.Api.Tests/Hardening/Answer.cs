using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Telephony.Api.Tests.Hardening;

/// <summary>An answer written so that two can be compared: status, media type and body, without what differs by request only.</summary>
internal static class Answer
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Sends <paramref name="request"/> and reads the answer within a generous deadline, so a hang fails instead of stalling the run.</summary>
    public static async Task<(int Status, string? MediaType, string Body)> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var mediaType = response.Content.Headers.ContentType?.MediaType;

            // An event stream that opened stays open: its headers are the answer.
            var body = mediaType == "text/event-stream" ? "(an event stream)" : await response.Content.ReadAsStringAsync(deadline.Token);
            return ((int)response.StatusCode, mediaType, body);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"No answer within 60 s to {request.Method} {request.RequestUri}.");
        }
    }

    /// <summary>
    /// Status, media type and body with the trace id dropped and each of <paramref name="ids"/> written as its parameter
    /// name, so that answers about different objects compare equal when they say the same.
    /// </summary>
    public static string Comparable((int Status, string? MediaType, string Body) answer, IEnumerable<(string Name, string Value)> ids)
    {
        var text = answer.Body;
        if (text.StartsWith('{') && JsonNode.Parse(text) is JsonObject problem)
        {
            problem.Remove("traceId");
            text = problem.ToJsonString(Relaxed);
        }

        foreach (var (name, value) in ids)
        {
            text = text.Replace(value, $"{{{name}}}", StringComparison.Ordinal);
        }

        return $"{answer.Status} {answer.MediaType} {text}";
    }
}
