namespace Telephony.Api.Hosting;

/// <summary>Writes Server-Sent Events (<c>text/event-stream</c>) the same way for every event stream of the API.</summary>
internal static class ServerSentEvents
{
    /// <summary>The media type of an event stream.</summary>
    public const string ContentType = "text/event-stream";

    /// <summary>
    /// Ends when the client goes or the host stops: an open stream would otherwise hold up the shutdown (the client
    /// resumes with <c>Last-Event-ID</c>).
    /// </summary>
    public static CancellationTokenSource Lifetime(HttpContext http, IHostApplicationLifetime lifetime) =>
        CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);

    /// <summary>Sends the stream's headers at once, so the client knows it is connected before the first event.</summary>
    public static Task StartAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-cache";
        return response.Body.FlushAsync(cancellationToken);
    }

    /// <summary>Writes and flushes one event; <paramref name="data"/> is one line (compact JSON).</summary>
    public static async Task WriteAsync(HttpResponse response, string id, string type, string data, CancellationToken cancellationToken)
    {
        await response.WriteAsync($"id: {id}\nevent: {type}\ndata: {data}\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
