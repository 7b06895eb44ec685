using System.Net.Http.Headers;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Telephony.Providers.Simulator;

/// <summary>
/// Sends the simulator's callbacks one at a time, in the order they were queued, to our own listening address:
/// each public URL is mapped onto the delivery base URL, while its signature stays computed over the public URL.
/// An instruction URL a command named that is not ours is fetched directly, wherever it points; any other URL outside
/// our public base URL is refused, so the simulator never sends our events elsewhere.
/// Failures are logged and reported to the callback's reply handler, never thrown.
/// </summary>
internal sealed class CallbackDelivery : IAsyncDisposable
{
    private readonly Channel<PendingCallback> _queue = Channel.CreateUnbounded<PendingCallback>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private readonly List<DeliveredCallback> _log = [];
    private readonly List<TaskCompletionSource> _idleWaiters = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly HttpClient _httpClient;
    private readonly string _publicPrefix;
    private readonly Func<Uri> _deliveryBaseUrl;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Task _loop;
    private int _pending;

    /// <summary>Starts the delivery loop.</summary>
    public CallbackDelivery(HttpClient httpClient, Uri publicBaseUrl, Func<Uri> deliveryBaseUrl, TimeProvider time, ILogger logger)
    {
        _httpClient = httpClient;
        _publicPrefix = WithTrailingSlash(publicBaseUrl.AbsoluteUri);
        _deliveryBaseUrl = deliveryBaseUrl;
        _time = time;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Every callback sent so far, in order.</summary>
    public IReadOnlyList<DeliveredCallback> Log
    {
        get
        {
            lock (_gate)
            {
                return [.. _log];
            }
        }
    }

    /// <summary>Queues <paramref name="callback"/>; <paramref name="onReply"/> then runs on the delivery loop with the URL's answer.</summary>
    public void Enqueue(OutgoingCallback callback, Action<CallbackReply>? onReply = null)
    {
        lock (_gate)
        {
            _pending++;
        }

        if (!_queue.Writer.TryWrite(new PendingCallback(callback, onReply)))
        {
            // Disposed: nothing will be sent any more.
            Completed();
        }
    }

    /// <summary>Completes when every queued callback has been sent and its reply handled (replies may queue more).</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_pending == 0)
            {
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _idleWaiters.Add(waiter);
            return waiter.Task.WaitAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stopping.Dispose();
        lock (_gate)
        {
            _pending = 0;
            _idleWaiters.ForEach(w => w.TrySetResult());
            _idleWaiters.Clear();
        }
    }

    private async Task RunAsync()
    {
        try
        {
            await foreach (var item in _queue.Reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
            {
                try
                {
                    var reply = await DeliverAsync(item.Callback, _stopping.Token).ConfigureAwait(false);
                    item.OnReply?.Invoke(reply);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !_stopping.IsCancellationRequested)
                {
                    _logger.LogError(ex, "Simulator could not handle callback {EventName} for call {CallId}", item.Callback.EventName, item.Callback.CallId);
                }
                finally
                {
                    Completed();
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Disposed while callbacks were still queued: they are dropped with the simulator.
        }
    }

    private async Task<CallbackReply> DeliverAsync(OutgoingCallback callback, CancellationToken cancellationToken)
    {
        var sentAt = _time.GetUtcNow();
        var ours = ToDeliveryUrl(callback.Url);
        var deliveryUrl = ours ?? (callback.IsCommandUrl ? callback.Url : null);
        if (deliveryUrl is null)
        {
            var error = $"{callback.Url} is not under the public base URL {_publicPrefix}; the simulator calls nothing else but instruction URLs named by commands.";
            return Record(callback, null, sentAt, null, error);
        }

        var peer = ours is null ? $"The instruction URL {callback.Url}" : "Our webhook";

        using var request = new HttpRequestMessage(HttpMethod.Post, deliveryUrl)
        {
            Content = new StringContent(callback.Body, Encoding.UTF8, new MediaTypeHeaderValue(callback.ContentType)),
        };
        foreach (var (name, value) in callback.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            using var response = await _httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var error = response.IsSuccessStatusCode ? null : $"{peer} answered {(int)response.StatusCode} {response.StatusCode}.";
            return Record(callback, deliveryUrl, sentAt, (int)response.StatusCode, error, body);
        }
        catch (HttpRequestException ex)
        {
            return Record(callback, deliveryUrl, sentAt, null, $"{peer} could not be reached: {ex.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Record(callback, deliveryUrl, sentAt, null, $"{peer} did not answer in time.");
        }
    }

    private CallbackReply Record(OutgoingCallback callback, Uri? deliveryUrl, DateTimeOffset sentAt, int? statusCode, string? error, string? body = null)
    {
        if (error is null)
        {
            _logger.LogDebug(
                "Simulator delivered {EventName} for call {CallId} conference {ConferenceId} to {DeliveryUrl}",
                callback.EventName, callback.CallId, callback.ConferenceId, deliveryUrl);
        }
        else
        {
            _logger.LogWarning(
                "Simulator callback {EventName} for call {CallId} conference {ConferenceId} to {Url} failed: {Error}",
                callback.EventName, callback.CallId, callback.ConferenceId, callback.Url, error);
        }

        lock (_gate)
        {
            _log.Add(new DeliveredCallback
            {
                Number = _log.Count + 1,
                EventName = callback.EventName,
                CallId = callback.CallId,
                ConferenceId = callback.ConferenceId,
                Url = callback.Url,
                DeliveredTo = deliveryUrl,
                Body = callback.Body,
                StatusCode = statusCode,
                Error = error,
                SentAt = sentAt,
            });
        }

        return new CallbackReply(body, error);
    }

    // The public base's path maps onto the delivery base's path, as a reverse proxy in front of us would map it.
    private Uri? ToDeliveryUrl(Uri publicUrl)
    {
        var text = publicUrl.AbsoluteUri;
        return text.StartsWith(_publicPrefix, StringComparison.Ordinal)
            ? new Uri(WithTrailingSlash(_deliveryBaseUrl().AbsoluteUri) + text[_publicPrefix.Length..])
            : null;
    }

    private void Completed()
    {
        lock (_gate)
        {
            if (--_pending > 0)
            {
                return;
            }

            _pending = 0;
            _idleWaiters.ForEach(w => w.TrySetResult());
            _idleWaiters.Clear();
        }
    }

    private static string WithTrailingSlash(string url) => url.EndsWith('/') ? url : url + "/";

    /// <summary>A queued callback and what to do with our webhook's answer.</summary>
    private sealed record PendingCallback(OutgoingCallback Callback, Action<CallbackReply>? OnReply);
}
