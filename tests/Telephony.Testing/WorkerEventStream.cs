using System.Net.Http.Headers;
using System.Text.Json;
namespace Telephony.Testing;

/// <summary>Follows a worker's Server-Sent Events in the background and collects them, for tests.</summary>
public sealed class WorkerEventStream : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<(string Type, JsonElement Reservation)> _events = [];
    private readonly Task _reading;

    private WorkerEventStream(HttpClient http, string path, string key) => _reading = ReadAsync(http, path, key);

    /// <summary>The events so far, in arrival order: type and the reservation it carries.</summary>
    public IReadOnlyList<(string Type, JsonElement Reservation)> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Starts following <c>/workspaces/{workspaceSid}/workers/{workerSid}/events</c> with <paramref name="key"/>.</summary>
    public static WorkerEventStream Open(HttpClient http, string workspaceSid, string workerSid, string key) =>
        new(http, $"/workspaces/{workspaceSid}/workers/{workerSid}/events", key);

    /// <summary>Waits until <paramref name="count"/> events have arrived and returns them.</summary>
    public async Task<IReadOnlyList<(string Type, JsonElement Reservation)>> UntilAsync(int count, string what)
    {
        await Eventually.Until(() => Events.Count >= count || _reading.IsCompleted, what, TimeSpan.FromSeconds(60));
        return Events.Count >= count
            ? Events
            : throw new InvalidOperationException($"the stream ended after {Events.Count} events ({string.Join(", ", Events.Select(e => e.Type))}) waiting until {what}: {_reading.Exception}");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading.ContinueWith(static _ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task ReadAsync(HttpClient http, string path, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _stop.Token);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(_stop.Token));
        string? type = null, data = null;
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line[6..];
            }
            else if (line.Length == 0 && type is not null && data is not null)
            {
                lock (_gate)
                {
                    _events.Add((type, JsonDocument.Parse(data).RootElement.Clone()));
                }

                type = data = null;
            }
        }
    }
}
