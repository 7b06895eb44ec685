using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Telephony.GrainInterfaces.Sessions;
using Telephony.Testing;

namespace Telephony.Api.Tests;

/// <summary>A session API client for tests: sends JSON with a bearer key and reads answers with the session contract.</summary>
public sealed class SessionClient(HttpClient http, string key)
{
    /// <summary>The underlying client.</summary>
    public HttpClient Http { get; } = http;

    /// <summary>Sends a request with the key (when one is set) and an optional JSON body.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (body is not null)
        {
            request.Content = body is string raw
                ? new StringContent(raw, System.Text.Encoding.UTF8, "application/json")
                : JsonContent.Create(body, body.GetType());
        }

        return await Http.SendAsync(request);
    }

    /// <summary>Creates a workspace or one of its objects with a POST that must answer 201, and returns the new sid.</summary>
    public async Task<string> CreateAsync(string path, object body)
    {
        using var response = await SendAsync(HttpMethod.Post, path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {path}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("sid").GetString()!;
    }

    /// <summary>Sends a request that must succeed with <paramref name="expected"/> and returns the session it answers with.</summary>
    public async Task<SessionInfo> SessionAsync(HttpMethod method, string path, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await SendAsync(method, path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize(text, SessionJsonContext.Default.SessionInfo)!;
    }

    /// <summary>The session now.</summary>
    public Task<SessionInfo> GetAsync(string sessionId) => SessionAsync(HttpMethod.Get, $"/sessions/{sessionId}");

    /// <summary>Polls the session until <paramref name="condition"/> holds (generous deadline) and returns it.</summary>
    public async Task<SessionInfo> UntilAsync(string sessionId, Func<SessionInfo, bool> condition, string what)
    {
        SessionInfo? last = null;
        try
        {
            await Eventually.Until(async () => condition(last = await GetAsync(sessionId)), what, TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message} The session was: {JsonSerializer.Serialize(last, SessionJsonContext.Default.SessionInfo)}", e);
        }

        return last!;
    }
}
