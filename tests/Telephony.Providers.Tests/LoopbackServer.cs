using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Telephony.Providers.Tests;

/// <summary>
/// A real HTTP server on a loopback port that records every request and answers with a canned response: a provider's
/// REST API for adapter tests, or a customer's application serving TwiML or BXML for simulator tests.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private const string JsonContentType = "application/json";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private volatile CannedResponse _response = new(HttpStatusCode.OK, null, JsonContentType, TimeSpan.Zero);

    private LoopbackServer(WebApplication app) => _app = app;

    /// <summary>The server's root URL.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The requests received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Starts a server on <c>http://127.0.0.1:0</c>.</summary>
    public static async Task<LoopbackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Urls.Single());
        return server;
    }

    /// <summary>Answers every following request with <paramref name="status"/>, an optional JSON body, after <paramref name="delay"/>.</summary>
    public void Respond(HttpStatusCode status, string? json = null, TimeSpan delay = default) =>
        _response = new CannedResponse(status, json, JsonContentType, delay);

    /// <summary>Answers every following request 200 with <paramref name="markup"/> (TwiML or BXML) as <paramref name="contentType"/>.</summary>
    public void RespondMarkup(string markup, string contentType) =>
        _response = new CannedResponse(HttpStatusCode.OK, markup, contentType, TimeSpan.Zero);

    /// <summary>The only request received.</summary>
    public RecordedRequest SingleRequest() => Assert.Single(Requests);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        _requests.Enqueue(new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? string.Empty,
            context.Request.Headers.Authorization.ToString(),
            context.Request.ContentType,
            body)
        {
            Target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
            Headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
        });

        var response = _response;
        if (response.Delay > TimeSpan.Zero)
        {
            await Task.Delay(response.Delay, context.RequestAborted);
        }

        context.Response.StatusCode = (int)response.Status;
        if (response.Body is not null)
        {
            context.Response.ContentType = response.ContentType;
            await context.Response.WriteAsync(response.Body, context.RequestAborted);
        }
    }

    private sealed record CannedResponse(HttpStatusCode Status, string? Body, string ContentType, TimeSpan Delay);
}

/// <summary>One request as the loopback server saw it.</summary>
internal sealed record RecordedRequest(string Method, string Path, string Authorization, string? ContentType, string Body)
{
    /// <summary>The request target exactly as sent (escaped path and query).</summary>
    public string Target { get; init; } = string.Empty;

    /// <summary>Every request header, by case-insensitive name.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
