using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Telephony.GrainInterfaces.Calls;

namespace Telephony.Providers.Twilio;

/// <summary>Runs call-control commands for one Twilio account through the REST API (2010-04-01, form-encoded, Basic auth).</summary>
public sealed class TwilioCallProvider : ICallProvider
{
    private readonly HttpClient _httpClient;
    private readonly string _accountUrl;
    private readonly string _basicCredentials;
    private readonly TwiMLRenderer _twiml;
    private readonly string _voiceUrl;
    private readonly string _statusCallbackUrl;
    private readonly string _conferenceCallbackUrl;

    /// <summary>Creates the client for the account in <paramref name="settings"/>.</summary>
    /// <param name="httpClient">Sends the requests; its base address is not used (requests go to <see cref="TwilioSettings.ApiBaseUrl"/>).</param>
    /// <param name="settings">The account's credentials and API base URL.</param>
    /// <param name="publicBaseUrl">Our public base URL, under which Twilio calls our webhooks.</param>
    public TwilioCallProvider(HttpClient httpClient, TwilioSettings settings, Uri publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        _httpClient = httpClient;
        _accountUrl = $"{settings.ApiBaseUrl.AbsoluteUri.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(settings.AccountSid)}";
        _basicCredentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.AccountSid}:{settings.AuthToken}"));
        _twiml = new TwiMLRenderer(publicBaseUrl);
        _voiceUrl = WebhookPaths.Combine(publicBaseUrl, WebhookPaths.TwilioVoice).AbsoluteUri;
        _statusCallbackUrl = WebhookPaths.Combine(publicBaseUrl, WebhookPaths.TwilioStatus).AbsoluteUri;
        _conferenceCallbackUrl = WebhookPaths.Combine(publicBaseUrl, WebhookPaths.TwilioConference).AbsoluteUri;
    }

    /// <inheritdoc />
    public ProviderKind Kind => ProviderKind.Twilio;

    /// <inheritdoc />
    public Task<CommandResult> ExecuteAsync(CallCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command switch
        {
            DialCommand dial => DialAsync(dial, cancellationToken),
            HangupCommand hangup => UpdateCallAsync(hangup.CallId, [new("Status", "completed")], cancellationToken),
            RedirectCommand redirect => UpdateCallAsync(
                redirect.CallId,
                [Twiml(new DialInstruction(redirect.Destination) { CallerId = redirect.CallerId })],
                cancellationToken),
            RedirectToUrlCommand redirect => RedirectToUrlAsync(redirect, cancellationToken),
            MoveToConferenceCommand move => UpdateCallAsync(
                move.CallId,
                [Twiml(new JoinConferenceInstruction(move.ConferenceName) { EndConferenceOnExit = move.EndConferenceOnExit })],
                cancellationToken),
            UpdateParticipantCommand update => UpdateParticipantAsync(update, cancellationToken),
            RemoveParticipantCommand remove => SendWithoutResultAsync(
                HttpMethod.Delete, ParticipantPath(remove.ConferenceId, remove.CallId), form: null, cancellationToken),
            EndConferenceCommand end => SendWithoutResultAsync(
                HttpMethod.Post, $"/Conferences/{Segment(end.ConferenceId)}.json", [new("Status", "completed")], cancellationToken),
            SendMessageCommand message => SendWithoutResultAsync(
                HttpMethod.Post,
                "/Messages.json",
                [new("To", message.To), new("From", message.From), new("Body", message.Text)],
                cancellationToken),
            _ => throw new ArgumentException($"Twilio cannot run {command.GetType().Name}.", nameof(command)),
        };
    }

    private Task<CommandResult> DialAsync(DialCommand dial, CancellationToken cancellationToken)
    {
        InstructionUrls.Check(dial);
        return dial.ConferenceName is { } conferenceName
            ? AddParticipantAsync(dial, conferenceName, cancellationToken)
            : CreateCallAsync(dial, dial.Url?.AbsoluteUri ?? _voiceUrl, cancellationToken);
    }

    // Twilio fetches the URL for the call's next TwiML, leaving whatever the call was doing.
    private Task<CommandResult> RedirectToUrlAsync(RedirectToUrlCommand redirect, CancellationToken cancellationToken)
    {
        InstructionUrls.Check(redirect);
        return UpdateCallAsync(redirect.CallId, [new("Url", redirect.Url.AbsoluteUri), new("Method", "POST")], cancellationToken);
    }

    private async Task<CommandResult> AddParticipantAsync(DialCommand dial, string conferenceName, CancellationToken cancellationToken)
    {
        List<KeyValuePair<string, string>> form =
        [
            new("From", dial.From),
            new("To", dial.To),
            new("Timeout", dial.TimeoutSeconds.ToString(CultureInfo.InvariantCulture)),
            new("Label", dial.CommandId),
            new("StatusCallback", _statusCallbackUrl),
            .. TwilioSubscriptions.CallProgressEvents.Select(e => KeyValuePair.Create("StatusCallbackEvent", e)),
            new("ConferenceStatusCallback", _conferenceCallbackUrl),
            .. TwilioSubscriptions.ConferenceEvents.Select(e => KeyValuePair.Create("ConferenceStatusCallbackEvent", e)),
        ];
        var path = $"/Conferences/{Segment(conferenceName)}/Participants.json";
        var participant = await SendAsync(HttpMethod.Post, path, form, TwilioJsonContext.Default.TwilioParticipantResource, cancellationToken)
            .ConfigureAwait(false);
        return new CommandResult(RequireField(participant.CallSid, "call_sid", path), participant.ConferenceSid);
    }

    // Only the TwiML comes from instructionUrl; the call's status callbacks come to us whoever serves it.
    private async Task<CommandResult> CreateCallAsync(DialCommand dial, string instructionUrl, CancellationToken cancellationToken)
    {
        List<KeyValuePair<string, string>> form =
        [
            new("To", dial.To),
            new("From", dial.From),
            new("Url", instructionUrl),
            new("StatusCallback", _statusCallbackUrl),
            .. TwilioSubscriptions.CallProgressEvents.Select(e => KeyValuePair.Create("StatusCallbackEvent", e)),
            new("Timeout", dial.TimeoutSeconds.ToString(CultureInfo.InvariantCulture)),
        ];
        const string path = "/Calls.json";
        var call = await SendAsync(HttpMethod.Post, path, form, TwilioJsonContext.Default.TwilioCallResource, cancellationToken)
            .ConfigureAwait(false);
        return new CommandResult(RequireField(call.Sid, "sid", path));
    }

    private Task<CommandResult> UpdateCallAsync(
        string callId, IReadOnlyList<KeyValuePair<string, string>> changes, CancellationToken cancellationToken) =>
        SendWithoutResultAsync(HttpMethod.Post, $"/Calls/{Segment(callId)}.json", changes, cancellationToken);

    private Task<CommandResult> UpdateParticipantAsync(UpdateParticipantCommand update, CancellationToken cancellationToken)
    {
        List<KeyValuePair<string, string>> form = [];
        if (update.Hold is { } hold)
        {
            form.Add(new("Hold", FormBoolean(hold)));
        }

        if (update.Muted is { } muted)
        {
            form.Add(new("Muted", FormBoolean(muted)));
        }

        return SendWithoutResultAsync(HttpMethod.Post, ParticipantPath(update.ConferenceId, update.CallId), form, cancellationToken);
    }

    private KeyValuePair<string, string> Twiml(CallInstruction instruction) => new("Twiml", _twiml.Render([instruction]));

    private async Task<CommandResult> SendWithoutResultAsync(
        HttpMethod method,
        string path,
        IReadOnlyList<KeyValuePair<string, string>>? form,
        CancellationToken cancellationToken)
    {
        await SendAsync(method, path, form, cancellationToken).ConfigureAwait(false);
        return new CommandResult();
    }

    private async Task<T> SendAsync<T>(
        HttpMethod method,
        string path,
        IReadOnlyList<KeyValuePair<string, string>> form,
        JsonTypeInfo<T> resultType,
        CancellationToken cancellationToken)
    {
        var body = await SendAsync(method, path, form, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(body, resultType)
                ?? throw new ProviderException($"Twilio answered {method} {path} with an empty body.", statusCode: null, isTransient: false);
        }
        catch (JsonException ex)
        {
            throw new ProviderException($"Twilio answered {method} {path} with unreadable JSON.", statusCode: null, isTransient: false, ex);
        }
    }

    /// <summary>Sends one request and returns the response body; every failure becomes a <see cref="ProviderException"/>.</summary>
    private async Task<string> SendAsync(
        HttpMethod method,
        string path,
        IReadOnlyList<KeyValuePair<string, string>>? form,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, _accountUrl + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", _basicCredentials);
        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        try
        {
            using var response = await _httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? body : throw Refused(method, path, response.StatusCode, body);
        }
        catch (HttpRequestException ex)
        {
            throw new ProviderException($"Twilio {method} {path} could not be reached: {ex.Message}", ex.StatusCode, isTransient: true, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Not our caller's token: the HttpClient timeout fired.
            throw new ProviderException($"Twilio {method} {path} timed out.", statusCode: null, isTransient: true, ex);
        }
    }

    private static ProviderException Refused(HttpMethod method, string path, HttpStatusCode status, string body)
    {
        var error = ReadError(body);
        var detail = error?.Message is { } message
            ? error.Code is { } code ? $": {message} (Twilio error {code})" : $": {message}"
            : ".";
        var isTransient = status == HttpStatusCode.TooManyRequests || (int)status >= 500;
        return new ProviderException($"Twilio answered {(int)status} {status} to {method} {path}{detail}", status, isTransient);
    }

    private static TwilioErrorResource? ReadError(string body)
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? null : JsonSerializer.Deserialize(body, TwilioJsonContext.Default.TwilioErrorResource);
        }
        catch (JsonException)
        {
            // Proxies and load balancers answer errors with HTML; the status alone has to do.
            return null;
        }
    }

    private static string RequireField(string? value, string field, string path) =>
        string.IsNullOrEmpty(value)
            ? throw new ProviderException($"Twilio answered POST {path} without {field}.", statusCode: null, isTransient: false)
            : value;

    private static string ParticipantPath(string conferenceId, string callId) =>
        $"/Conferences/{Segment(conferenceId)}/Participants/{Segment(callId)}.json";

    private static string Segment(string value) => Uri.EscapeDataString(value);

    private static string FormBoolean(bool value) => value ? "true" : "false";
}
