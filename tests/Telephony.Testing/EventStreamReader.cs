using System.Net.Http.Headers;
using System.Text.Json;
namespace Telephony.Testing;

/// <summary>One Server-Sent Event as a client receives it.</summary>
/// <param name="Id">Its <c>id</c> field, if it had one.</param>
/// <param name="Type">Its <c>event</c> field.</param>
/// <param name="Data">Its <c>data</c>, parsed as JSON.</param>
public sealed record StreamEvent(string? Id, string Type, JsonElement Data);

/// <summary>Follows a Server-Sent Events stream of the API in the background and collects its events, for tests.</summary>
public sealed class EventStreamReader : IAsyncDisposable
{
    // Never disposed: it holds no timer, and a test may dispose the reader twice.
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<StreamEvent> _events = [];
    private readonly Task _reading;

    private EventStreamReader(HttpClient http, string path, string key, string? lastEventId) => _reading = ReadAsync(http, path, key, lastEventId);

    /// <summary>The events so far, in arrival order.</summary>
    public IReadOnlyList<StreamEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Starts following <paramref name="path"/> with <paramref name="key"/>, resuming after <paramref name="lastEventId"/> when given.</summary>
    public static EventStreamReader Open(HttpClient http, string path, string key, string? lastEventId = null) => new(http, path, key, lastEventId);

    /// <summary>Starts following <c>/workspaces/{workspaceSid}/workers/{workerSid}/events</c> with <paramref name="key"/>.</summary>
    public static EventStreamReader OpenWorker(HttpClient http, string workspaceSid, string workerSid, string key) =>
        Open(http, $"/workspaces/{workspaceSid}/workers/{workerSid}/events", key);

    /// <summary>Waits until <paramref name="count"/> events have arrived and returns them.</summary>
    public Task<IReadOnlyList<StreamEvent>> UntilAsync(int count, string what) => UntilAsync(events => events.Count >= count, what);

    /// <summary>Waits until the events so far satisfy <paramref name="condition"/> and returns them.</summary>
    public async Task<IReadOnlyList<StreamEvent>> UntilAsync(Func<IReadOnlyList<StreamEvent>, bool> condition, string what)
    {
        await Eventually.Until(() => condition(Events) || _reading.IsCompleted, what, TimeSpan.FromSeconds(60));
        var events = Events;
        if (!condition(events))
        {
            throw new InvalidOperationException($"the stream ended after {events.Count} events ({string.Join(", ", events.Select(e => e.Type))}) waiting until {what}: {_reading.Exception}");
        }

        return events;
    }

    /// <inheritdoc />
    /// <remarks>Stops reading; calling it again does nothing.</remarks>
    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        await _reading.ContinueWith(static _ => { }, TaskScheduler.Default);
    }

    private async Task ReadAsync(HttpClient http, string path, string key, string? lastEventId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _stop.Token);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(_stop.Token));
        string? id = null, type = null, data = null;
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line[4..];
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
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
                    _events.Add(new StreamEvent(id, type, JsonDocument.Parse(data).RootElement.Clone()));
                }

                id = type = data = null;
            }
        }
    }
}
