using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Telephony.Providers.Tests.Twilio;

/// <summary>One request the loopback API received.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Target">The request target exactly as sent (escaped path and query).</param>
/// <param name="Authorization">The Authorization header.</param>
/// <param name="ContentType">The Content-Type header; null without a body.</param>
/// <param name="Form">The form-encoded body's fields in the order sent.</param>
internal sealed record RecordedRequest(
    string Method,
    string Target,
    string? Authorization,
    string? ContentType,
    IReadOnlyList<KeyValuePair<string, string>> Form);

/// <summary>A real HTTP server on 127.0.0.1 that records requests and answers with a canned status and body.</summary>
internal sealed class LoopbackTwilioApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private LoopbackTwilioApi(WebApplication app)
    {
        _app = app;
        _app.Run(HandleAsync);
    }

    /// <summary>Where the server listens.</summary>
    public Uri BaseUrl => new(_app.Urls.Single());

    /// <summary>Every request received so far.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>The status code answered.</summary>
    public int ResponseStatus { get; set; } = StatusCodes.Status200OK;

    /// <summary>The JSON body answered; empty for none.</summary>
    public string ResponseBody { get; set; } = "{}";

    /// <summary>The content type answered.</summary>
    public string ResponseContentType { get; set; } = "application/json";

    /// <summary>How long to wait before answering.</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>Starts a server on a free loopback port.</summary>
    public static async Task<LoopbackTwilioApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var api = new LoopbackTwilioApi(builder.Build());
        await api._app.StartAsync();
        return api;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        _requests.Enqueue(new RecordedRequest(
            context.Request.Method,
            context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
            context.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization ? authorization : null,
            context.Request.ContentType,
            ParseForm(body)));

        await Task.Delay(ResponseDelay, context.RequestAborted);
        context.Response.StatusCode = ResponseStatus;
        if (ResponseBody.Length > 0)
        {
            context.Response.ContentType = ResponseContentType;
            await context.Response.WriteAsync(ResponseBody, context.RequestAborted);
        }
    }

    private static List<KeyValuePair<string, string>> ParseForm(string body) =>
        body.Length == 0
            ? []
            : body.Split('&')
                .Select(pair => pair.Split('=', 2))
                .Select(parts => KeyValuePair.Create(Decode(parts[0]), Decode(parts.Length > 1 ? parts[1] : "")))
                .ToList();

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
