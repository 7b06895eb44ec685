using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Telephony.GrainInterfaces.Calls;

namespace Telephony.Providers.Bandwidth;

/// <summary>
/// Runs call-control commands for one account through Bandwidth's Voice v2 and Messaging v2 REST APIs.
/// Call moves (redirect, move to conference) point the leg back at our voice webhook with a
/// <see cref="BandwidthWebhookQuery"/> that says which BXML to answer; a redirect to a URL points it at that URL.
/// </summary>
public sealed class BandwidthCallProvider : ICallProvider
{
    private readonly HttpClient _httpClient;
    private readonly BandwidthSettings _settings;
    private readonly Uri _publicBaseUrl;
    private readonly string _apiCredentials;

    /// <summary>Creates the client; <paramref name="publicBaseUrl"/> is where Bandwidth reaches our webhooks.</summary>
    public BandwidthCallProvider(HttpClient httpClient, BandwidthSettings settings, Uri publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        _httpClient = httpClient;
        _settings = settings;
        _publicBaseUrl = publicBaseUrl;
        _apiCredentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.Username}:{settings.Password}"));
    }

    /// <inheritdoc />
    public ProviderKind Kind => ProviderKind.Bandwidth;

    /// <inheritdoc />
    public async Task<CommandResult> ExecuteAsync(CallCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return await (command switch
        {
            DialCommand dial => DialAsync(dial, cancellationToken),
            HangupCommand hangup => CompleteCallAsync(hangup.CallId, cancellationToken),
            RedirectCommand redirect => RedirectCallAsync(
                redirect.CallId, VoiceWebhook(BandwidthWebhookQuery.ForTransfer(redirect.Destination, redirect.CallerId)), cancellationToken),
            RedirectToUrlCommand redirect => RedirectToUrlAsync(redirect, cancellationToken),
            MoveToConferenceCommand move => RedirectCallAsync(
                move.CallId, VoiceWebhook(BandwidthWebhookQuery.ForConference(move.ConferenceName)), cancellationToken),
            UpdateParticipantCommand update => SendAsync(
                HttpMethod.Put,
                AccountUrl("conferences", update.ConferenceId, "members", update.CallId),
                JsonContent.Create(new UpdateConferenceMemberRequest(update.Muted, update.Hold), Json.UpdateConferenceMemberRequest),
                $"update member {update.CallId} of conference {update.ConferenceId}",
                cancellationToken),
            RemoveParticipantCommand remove => CompleteCallAsync(remove.CallId, cancellationToken),
            EndConferenceCommand end => SendAsync(
                HttpMethod.Post,
                AccountUrl("conferences", end.ConferenceId),
                JsonContent.Create(new UpdateConferenceRequest("completed"), Json.UpdateConferenceRequest),
                $"end conference {end.ConferenceId}",
                cancellationToken),
            SendMessageCommand message => SendMessageAsync(message, cancellationToken),
            _ => throw new ArgumentException($"Bandwidth cannot run {command.GetType().Name}.", nameof(command)),
        }).ConfigureAwait(false);
    }

    private static BandwidthJsonContext Json => BandwidthJsonContext.Default;

    // Only the answer BXML comes from the dial's Url; the disconnect comes to us whoever serves it.
    private async Task<CommandResult> DialAsync(DialCommand dial, CancellationToken cancellationToken)
    {
        InstructionUrls.Check(dial);
        RequireOurs(dial.Url, dial.CommandId);
        var answerUrl = dial.Url?.AbsoluteUri
            ?? VoiceWebhook(dial.ConferenceName is { } conference ? BandwidthWebhookQuery.ForConference(conference) : null);
        var request = new CreateCallRequest(
            From: dial.From,
            To: dial.To,
            ApplicationId: _settings.ApplicationId,
            AnswerUrl: answerUrl,
            DisconnectUrl: VoiceWebhook(null),
            Username: _settings.CallbackUsername,
            Password: _settings.CallbackPassword,
            CallTimeout: dial.TimeoutSeconds,
            Tag: dial.CommandId);
        const string operation = "create call";
        var body = await SendBodyAsync(
            HttpMethod.Post, AccountUrl("calls"), JsonContent.Create(request, Json.CreateCallRequest), operation, cancellationToken)
            .ConfigureAwait(false);

        // The call exists now whatever we fail to read, so these failures must not be retried.
        var created = ReadJson(body, Json.CreateCallResponse)
            ?? throw new ProviderException($"Bandwidth's answer to {operation} is not a call object.", HttpStatusCode.Created, isTransient: false);
        return string.IsNullOrEmpty(created.CallId)
            ? throw new ProviderException($"Bandwidth's answer to {operation} has no callId.", HttpStatusCode.Created, isTransient: false)
            : new CommandResult(CallId: created.CallId);
    }

    // Bandwidth hangs up an answered leg, cancels a ringing outbound one and rejects a ringing inbound one.
    private Task<CommandResult> CompleteCallAsync(string callId, CancellationToken cancellationToken) =>
        SendAsync(
            HttpMethod.Post,
            AccountUrl("calls", callId),
            JsonContent.Create(new UpdateCallRequest("completed"), Json.UpdateCallRequest),
            $"hang up call {callId}",
            cancellationToken);

    private Task<CommandResult> RedirectToUrlAsync(RedirectToUrlCommand redirect, CancellationToken cancellationToken)
    {
        InstructionUrls.Check(redirect);
        RequireOurs(redirect.Url, redirect.CommandId);
        return RedirectCallAsync(redirect.CallId, redirect.Url.AbsoluteUri, cancellationToken);
    }

    // The call stays up and fires the redirect webhook at redirectUrl, whose BXML it runs next.
    private Task<CommandResult> RedirectCallAsync(string callId, string redirectUrl, CancellationToken cancellationToken)
    {
        var request = new UpdateCallRequest("active", redirectUrl, _settings.CallbackUsername, _settings.CallbackPassword);
        return SendAsync(
            HttpMethod.Post,
            AccountUrl("calls", callId),
            JsonContent.Create(request, Json.UpdateCallRequest),
            $"redirect call {callId}",
            cancellationToken);
    }

    private Task<CommandResult> SendMessageAsync(SendMessageCommand message, CancellationToken cancellationToken)
    {
        var request = new SendMessageRequest(_settings.ApplicationId, [message.To], message.From, message.Text, message.CommandId);
        var url = new Uri($"{_settings.MessagingBaseUrl.AbsoluteUri.TrimEnd('/')}/users/{Uri.EscapeDataString(_settings.AccountId)}/messages");
        return SendAsync(HttpMethod.Post, url, JsonContent.Create(request, Json.SendMessageRequest), "send message", cancellationToken);
    }

    private async Task<CommandResult> SendAsync(
        HttpMethod method, Uri url, HttpContent content, string operation, CancellationToken cancellationToken)
    {
        await SendBodyAsync(method, url, content, operation, cancellationToken).ConfigureAwait(false);
        return new CommandResult();
    }

    private async Task<byte[]> SendBodyAsync(
        HttpMethod method, Uri url, HttpContent content, string operation, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", _apiCredentials);
        try
        {
            using var response = await _httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? body : throw Refused(operation, response.StatusCode, body);
        }
        catch (HttpRequestException ex)
        {
            throw new ProviderException($"Bandwidth could not be reached to {operation}: {ex.Message}", ex.StatusCode, isTransient: true, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Our token was not cancelled, so this is HttpClient's timeout.
            throw new ProviderException($"Bandwidth did not answer in time to {operation}.", null, isTransient: true, ex);
        }
    }

    private static ProviderException Refused(string operation, HttpStatusCode status, byte[] body)
    {
        var error = ReadJson(body, Json.BandwidthError);
        var detail = string.IsNullOrEmpty(error?.Description) ? string.Empty : $": {error.Description}";
        var errorId = string.IsNullOrEmpty(error?.Id) ? string.Empty : $" (error id {error.Id})";
        var isTransient = status == HttpStatusCode.TooManyRequests || (int)status >= 500;
        return new ProviderException($"Bandwidth answered {(int)status} to {operation}{detail}{errorId}", status, isTransient);
    }

    private static T? ReadJson<T>(byte[] body, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(body, typeInfo);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private Uri AccountUrl(params string[] segments) =>
        new($"{_settings.ApiBaseUrl.AbsoluteUri.TrimEnd('/')}/accounts/{Uri.EscapeDataString(_settings.AccountId)}/"
            + string.Join('/', segments.Select(Uri.EscapeDataString)));

    /// <summary>
    /// Bandwidth sends one pair of callback credentials to every URL of a call, so an instruction URL on another
    /// server would learn the credentials our webhook trusts: only URLs under our public base URL are allowed.
    /// </summary>
    private void RequireOurs(Uri? url, string commandId)
    {
        if (url is not null && !WebhookPaths.IsUnder(_publicBaseUrl, url))
        {
            throw new ProviderException(
                $"Command {commandId}: Bandwidth would send our callback credentials to {url}; instruction URLs must be under {_publicBaseUrl}.",
                HttpStatusCode.BadRequest,
                isTransient: false);
        }
    }

    private string VoiceWebhook(string? query) => WebhookPaths.Combine(_publicBaseUrl, WebhookPaths.BandwidthVoice, query).AbsoluteUri;
}
