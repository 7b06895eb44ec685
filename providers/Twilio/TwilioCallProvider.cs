using Telephony.GrainInterfaces.Calls;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Rest.Api.V2010.Account.Conference;
using Twilio.Types;
using SystemNetHttpClient = Twilio.Http.SystemNetHttpClient;
using TwilioHttpMethod = Twilio.Http.HttpMethod;

namespace Telephony.Providers.Twilio;

/// <summary>Runs call-control commands for one Twilio account through the Twilio library's REST resources.</summary>
public sealed class TwilioCallProvider : ICallProvider
{
    private readonly TwilioRestClient _client;
    private readonly TwiMLRenderer _twiml;
    private readonly Uri _voiceUrl;
    private readonly Uri _statusCallbackUrl;
    private readonly Uri _conferenceCallbackUrl;

    /// <summary>Creates the client for the account in <paramref name="settings"/>.</summary>
    /// <param name="httpClient">Sends the requests; its base address is not used (requests go to <see cref="TwilioSettings.ApiBaseUrl"/>).</param>
    /// <param name="settings">The account's credentials and API base URL.</param>
    /// <param name="publicBaseUrl">Our public base URL, under which Twilio calls our webhooks.</param>
    public TwilioCallProvider(HttpClient httpClient, TwilioSettings settings, Uri publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        // Our client's timeout applies inside the handler; this one only hands the library's requests over.
        var library = new HttpClient(new TwilioApiHandler(httpClient, settings.ApiBaseUrl)) { Timeout = Timeout.InfiniteTimeSpan };
        _client = new TwilioRestClient(settings.AccountSid, settings.AuthToken, httpClient: new SystemNetHttpClient(library));
        _twiml = new TwiMLRenderer(publicBaseUrl);
        _voiceUrl = Absolute(WebhookPaths.Combine(publicBaseUrl, WebhookPaths.TwilioVoice));
        _statusCallbackUrl = Absolute(WebhookPaths.Combine(publicBaseUrl, WebhookPaths.TwilioStatus));
        _conferenceCallbackUrl = Absolute(WebhookPaths.Combine(publicBaseUrl, WebhookPaths.TwilioConference));
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
            HangupCommand hangup => UpdateCallAsync(hangup.CallId, call => call.Status = CallResource.UpdateStatusEnum.Completed, cancellationToken),
            RedirectCommand redirect => UpdateCallAsync(
                redirect.CallId,
                call => call.Twiml = Twiml(new DialInstruction(redirect.Destination) { CallerId = redirect.CallerId }),
                cancellationToken),
            RedirectToUrlCommand redirect => RedirectToUrlAsync(redirect, cancellationToken),
            MoveToConferenceCommand move => UpdateCallAsync(
                move.CallId,
                call => call.Twiml = Twiml(new JoinConferenceInstruction(move.ConferenceName) { EndConferenceOnExit = move.EndConferenceOnExit }),
                cancellationToken),
            UpdateParticipantCommand update => WithoutResultAsync(
                $"updating participant {update.CallId} of conference {update.ConferenceId}",
                client => ParticipantResource.UpdateAsync(
                    new UpdateParticipantOptions(Segment(update.ConferenceId), Segment(update.CallId)) { Hold = update.Hold, Muted = update.Muted },
                    client),
                cancellationToken),
            RemoveParticipantCommand remove => WithoutResultAsync(
                $"removing participant {remove.CallId} from conference {remove.ConferenceId}",
                client => ParticipantResource.DeleteAsync(new DeleteParticipantOptions(Segment(remove.ConferenceId), Segment(remove.CallId)), client),
                cancellationToken),
            EndConferenceCommand end => WithoutResultAsync(
                $"ending conference {end.ConferenceId}",
                client => ConferenceResource.UpdateAsync(
                    new UpdateConferenceOptions(Segment(end.ConferenceId)) { Status = ConferenceResource.UpdateStatusEnum.Completed }, client),
                cancellationToken),
            SendMessageCommand message => WithoutResultAsync(
                "sending a message",
                client => MessageResource.CreateAsync(
                    new CreateMessageOptions(new PhoneNumber(message.To)) { From = new PhoneNumber(message.From), Body = message.Text }, client),
                cancellationToken),
            _ => throw new ArgumentException($"Twilio cannot run {command.GetType().Name}.", nameof(command)),
        };
    }

    private Task<CommandResult> DialAsync(DialCommand dial, CancellationToken cancellationToken)
    {
        InstructionUrls.Check(dial);
        return dial.ConferenceName is { } conferenceName
            ? AddParticipantAsync(dial, conferenceName, cancellationToken)
            : CreateCallAsync(dial, dial.Url is { } url ? Absolute(url) : _voiceUrl, cancellationToken);
    }

    // Twilio fetches the URL for the call's next TwiML, leaving whatever the call was doing.
    private Task<CommandResult> RedirectToUrlAsync(RedirectToUrlCommand redirect, CancellationToken cancellationToken)
    {
        InstructionUrls.Check(redirect);
        return UpdateCallAsync(
            redirect.CallId,
            call =>
            {
                call.Url = Absolute(redirect.Url);
                call.Method = TwilioHttpMethod.Post;
            },
            cancellationToken);
    }

    private async Task<CommandResult> AddParticipantAsync(DialCommand dial, string conferenceName, CancellationToken cancellationToken)
    {
        var options = new CreateParticipantOptions(Segment(conferenceName), new PhoneNumber(dial.From), new PhoneNumber(dial.To))
        {
            Timeout = dial.TimeoutSeconds,
            Label = dial.CommandId,
            StatusCallback = _statusCallbackUrl,
            StatusCallbackEvent = [.. TwilioSubscriptions.CallProgressEvents],
            ConferenceStatusCallback = _conferenceCallbackUrl,
            ConferenceStatusCallbackEvent = [.. TwilioSubscriptions.ConferenceEvents],
        };
        var action = $"adding a participant to conference {conferenceName}";
        var participant = await SendAsync(action, client => ParticipantResource.CreateAsync(options, client), cancellationToken).ConfigureAwait(false);
        return new CommandResult(RequireField(participant.CallSid, "call_sid", action), participant.ConferenceSid);
    }

    // Only the TwiML comes from instructionUrl; the call's status callbacks come to us whoever serves it.
    private async Task<CommandResult> CreateCallAsync(DialCommand dial, Uri instructionUrl, CancellationToken cancellationToken)
    {
        var options = new CreateCallOptions(new PhoneNumber(dial.To), new PhoneNumber(dial.From))
        {
            Url = instructionUrl,
            StatusCallback = _statusCallbackUrl,
            StatusCallbackEvent = [.. TwilioSubscriptions.CallProgressEvents],
            Timeout = dial.TimeoutSeconds,
        };
        const string action = "creating a call";
        var call = await SendAsync(action, client => CallResource.CreateAsync(options, client), cancellationToken).ConfigureAwait(false);
        return new CommandResult(RequireField(call.Sid, "sid", action));
    }

    private Task<CommandResult> UpdateCallAsync(string callId, Action<UpdateCallOptions> change, CancellationToken cancellationToken)
    {
        var options = new UpdateCallOptions(Segment(callId));
        change(options);
        return WithoutResultAsync($"updating call {callId}", client => CallResource.UpdateAsync(options, client), cancellationToken);
    }

    private Twiml Twiml(CallInstruction instruction) => new(_twiml.Render([instruction]));

    private async Task<CommandResult> WithoutResultAsync<T>(string action, Func<ITwilioRestClient, Task<T>> send, CancellationToken cancellationToken)
    {
        await SendAsync(action, send, cancellationToken).ConfigureAwait(false);
        return new CommandResult();
    }

    /// <summary>Sends one request through the library; every failure but the caller's cancellation becomes a <see cref="ProviderException"/>.</summary>
    private async Task<T> SendAsync<T>(string action, Func<ITwilioRestClient, Task<T>> send, CancellationToken cancellationToken)
    {
        var scope = TwilioRequestScope.Begin(cancellationToken);
        try
        {
            return await send(_client).ConfigureAwait(false);
        }
        catch (ApiConnectionException ex) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException($"Cancelled while {action}.", ex, cancellationToken);
        }
        catch (TwilioException ex)
        {
            throw TwilioApiErrors.ToProviderException(action, ex, scope.Status);
        }
    }

    private static string RequireField(string? value, string field, string action) =>
        string.IsNullOrEmpty(value)
            ? throw new ProviderException($"Twilio answered {action} without {field}.", statusCode: null, isTransient: false)
            : value;

    /// <summary>The library sends a URL as written; we send its normalized absolute form.</summary>
    private static Uri Absolute(Uri url) => new(url.AbsoluteUri);

    /// <summary>The library puts path values into the URL as given, so names with reserved characters are escaped first.</summary>
    private static string Segment(string value) => Uri.EscapeDataString(value);
}
