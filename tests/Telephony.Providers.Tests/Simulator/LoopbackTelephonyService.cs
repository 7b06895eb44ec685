using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Telephony.GrainInterfaces.Calls;
using Telephony.Providers.Bandwidth;
using Telephony.Providers.Simulator;
using Telephony.Providers.Twilio;

namespace Telephony.Providers.Tests.Simulator;

/// <summary>One callback as our service saw it.</summary>
/// <param name="Path">The webhook path it arrived on.</param>
/// <param name="Authentic">True when its signature or credentials checked out against the public URL.</param>
/// <param name="SignedForDeliveryUrl">True when a Twilio signature would also validate for the URL it was actually sent to.</param>
/// <param name="Event">The parsed event; null when refused.</param>
internal sealed record ReceivedCallback(string Path, bool Authentic, bool SignedForDeliveryUrl, CallEvent? Event);

/// <summary>
/// Plays our service on a loopback port, as the webhooks in api/ will: it checks every callback (Twilio signature over
/// the public URL, Bandwidth Basic credentials and account), parses it with the real parsers into <see cref="CallEvent"/>s,
/// and answers voice webhooks with TwiML or BXML from the real renderers.
/// </summary>
internal sealed class LoopbackTelephonyService : IAsyncDisposable
{
    /// <summary>Our account id.</summary>
    public const string AccountId = "acct-simulator-tests";

    /// <summary>The public base URL the simulator signs for: a different scheme, host and port from where it delivers.</summary>
    public static readonly Uri PublicBaseUrl = new("https://telephony.example.test:8443/");

    private readonly WebApplication _app;
    private readonly SimulatorSettings _account;
    private readonly ConcurrentQueue<ReceivedCallback> _received = new();
    private readonly TwiMLRenderer _twiml = new(PublicBaseUrl);
    private readonly BxmlRenderer _bxml;

    private LoopbackTelephonyService(WebApplication app, SimulatorSettings account)
    {
        _app = app;
        _account = account;
        _bxml = new BxmlRenderer(PublicBaseUrl, account.Bandwidth.CallbackUsername, account.Bandwidth.CallbackPassword);
        app.MapPost(WebhookPaths.TwilioVoice, context => HandleTwilioAsync(context, TwilioCallbackParser.ParseVoiceWebhook, answers: true));
        app.MapPost(WebhookPaths.TwilioStatus, context => HandleTwilioAsync(context, TwilioCallbackParser.ParseCallStatus, answers: false));
        app.MapPost(WebhookPaths.TwilioConference, context => HandleTwilioAsync(context, TwilioCallbackParser.ParseConferenceStatus, answers: false));
        app.MapPost(WebhookPaths.BandwidthVoice, HandleBandwidthAsync);
    }

    /// <summary>Where it listens: the simulator's delivery base URL.</summary>
    public Uri ListeningUrl => new(_app.Urls.Single());

    /// <summary>Every callback received, in arrival order.</summary>
    public IReadOnlyList<ReceivedCallback> Received => [.. _received];

    /// <summary>The events of the authentic callbacks, in arrival order.</summary>
    public IReadOnlyList<CallEvent> Events => [.. _received.Where(r => r.Authentic).Select(r => r.Event!)];

    /// <summary>What our voice webhook answers when the request itself does not say (an arriving or answered call).</summary>
    public Func<CallEvent, IReadOnlyList<CallInstruction>> VoiceAnswer { get; set; } = _ => [];

    /// <summary>When set, the voice webhook's markup, verbatim, instead of rendering <see cref="VoiceAnswer"/>.</summary>
    public Func<CallEvent, string>? MarkupAnswer { get; set; }

    /// <summary>Starts the service for an account whose provider identity is <paramref name="account"/>.</summary>
    public static async Task<LoopbackTelephonyService> StartAsync(SimulatorSettings account)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var service = new LoopbackTelephonyService(builder.Build(), account);
        await service._app.StartAsync();
        return service;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task HandleTwilioAsync(
        HttpContext context,
        Func<IReadOnlyDictionary<string, string>, string, DateTimeOffset, CallEvent> parse,
        bool answers)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        List<KeyValuePair<string, string>> parameters = [.. form.SelectMany(f => f.Value.Select(v => KeyValuePair.Create(f.Key, v ?? string.Empty)))];
        var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        var signature = context.Request.Headers[TwilioSignature.HeaderName].ToString();
        var authentic = TwilioSignature.IsValid(_account.Twilio.AuthToken, PublicUrl(context), parameters, signature)
            && fields.GetValueOrDefault("AccountSid") == _account.Twilio.AccountSid;
        var signedForDelivery = TwilioSignature.IsValid(_account.Twilio.AuthToken, DeliveryUrl(context), parameters, signature);
        if (!authentic)
        {
            _received.Enqueue(new ReceivedCallback(context.Request.Path, false, signedForDelivery, null));
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        var callEvent = parse(fields, AccountId, DateTimeOffset.UtcNow);
        _received.Enqueue(new ReceivedCallback(context.Request.Path, true, signedForDelivery, callEvent));
        if (!answers)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        context.Response.ContentType = _twiml.ContentType;
        await context.Response.WriteAsync(MarkupAnswer?.Invoke(callEvent) ?? _twiml.Render(VoiceAnswer(callEvent)), context.RequestAborted);
    }

    private async Task HandleBandwidthAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var callback = BandwidthCallbackParser.Deserialize(buffer.ToArray());
        // Conference events carry no accountId; the rest must name the account the credentials belong to.
        var authentic = BandwidthCallbackAuthenticator.IsValid(context.Request.Headers.Authorization, _account.Bandwidth)
            && (callback.AccountId is null || callback.AccountId == _account.Bandwidth.AccountId);
        if (!authentic)
        {
            _received.Enqueue(new ReceivedCallback(context.Request.Path, false, false, null));
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var callEvent = BandwidthCallbackParser.ToCallEvent(callback, AccountId);
        _received.Enqueue(new ReceivedCallback(context.Request.Path, true, false, callEvent));
        if (!BandwidthCallbackParser.ExpectsBxml(callback.EventType!))
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        var query = context.Request.Query;
        var requested = BandwidthWebhookQuery.InstructionFor(
            query[BandwidthWebhookQuery.Conference], query[BandwidthWebhookQuery.TransferTo], query[BandwidthWebhookQuery.CallerId]);
        context.Response.ContentType = _bxml.ContentType;
        var markup = requested is null ? MarkupAnswer?.Invoke(callEvent) ?? _bxml.Render(VoiceAnswer(callEvent)) : _bxml.Render([requested]);
        await context.Response.WriteAsync(markup, context.RequestAborted);
    }

    private static string PublicUrl(HttpContext context) => PublicBaseUrl.GetLeftPart(UriPartial.Authority) + RawTarget(context);

    private static string DeliveryUrl(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}{RawTarget(context)}";

    private static string RawTarget(HttpContext context) => context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
}
