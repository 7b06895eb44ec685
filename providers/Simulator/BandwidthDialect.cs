using System.Text;
using System.Text.Json;
using Telephony.GrainInterfaces.Calls;
using Telephony.Providers.Bandwidth;

namespace Telephony.Providers.Simulator;

/// <summary>
/// Bandwidth's side: <c>c-…</c>/<c>conf-…</c> ids, JSON callbacks carrying the HTTP Basic credentials given with each URL,
/// BXML answers. Calls placed by commands are configured as <see cref="BandwidthCallProvider"/> configures them
/// (answerUrl with its <see cref="BandwidthWebhookQuery"/> or the dial's Url, disconnectUrl, the account's callback
/// credentials); arriving calls as an application whose initiate and status URLs are our voice webhook.
/// </summary>
/// <remarks>
/// Bandwidth sends no callback for an outbound call's initiation or ringing, nor for holding or muting a conference
/// member, so those events have no Bandwidth form here either.
/// </remarks>
internal sealed class BandwidthDialect(BandwidthSettings settings, Uri publicBaseUrl, TimeProvider time) : ISimulatorDialect
{
    private const string JsonContentType = "application/json";

    private readonly CallbackTarget _voice = new(
        WebhookPaths.Combine(publicBaseUrl, WebhookPaths.BandwidthVoice), settings.CallbackUsername, settings.CallbackPassword);

    /// <inheritdoc />
    public bool ReportsConferenceOnDial => false;

    /// <inheritdoc />
    public string NewCallId() => $"c-{RandomHex()}-{Guid.NewGuid()}";

    /// <inheritdoc />
    public string NewConferenceId() => $"conf-{RandomHex()}-{Guid.NewGuid()}";

    /// <inheritdoc />
    public void RouteOutbound(CallLeg leg, DialCommand dial)
    {
        var query = dial.ConferenceName is { } conference ? BandwidthWebhookQuery.ForConference(conference) : null;
        leg.InstructionUrl = dial.Url is { } url
            ? _voice with { Url = url, IsCommandUrl = true }
            : _voice with { Url = WebhookPaths.Combine(publicBaseUrl, WebhookPaths.BandwidthVoice, query) };
        leg.StatusUrl = _voice;
    }

    /// <inheritdoc />
    public void RouteInbound(CallLeg leg)
    {
        leg.InstructionUrl = _voice;
        leg.StatusUrl = _voice;
    }

    /// <inheritdoc />
    public void RouteTransfer(CallLeg leg, DialVerb dial)
    {
        leg.StatusUrl = dial.DisconnectEvents;
        leg.TransferAnswerUrl = dial.AnswerEvents;
    }

    /// <inheritdoc />
    /// <remarks>A Bandwidth conference starts with its first member.</remarks>
    public bool Starts(ConferenceRoom room) => room.Members.Count > 0;

    /// <inheritdoc />
    public IReadOnlyList<SimulatorVerb> ReadInstructions(string markup, Uri source) => BxmlReader.Read(markup, source);

    /// <inheritdoc />
    /// <remarks>As <see cref="BandwidthCallProvider"/> does: the call is redirected to our voice webhook, whose query says what to answer.</remarks>
    public Redirection Redirect(CallLeg leg, CallInstruction instruction)
    {
        var query = instruction switch
        {
            JoinConferenceInstruction join => BandwidthWebhookQuery.ForConference(join.ConferenceName),
            DialInstruction dial => BandwidthWebhookQuery.ForTransfer(dial.To, dial.CallerId),
            _ => throw new ArgumentException($"The simulator cannot redirect to {instruction.GetType().Name}.", nameof(instruction)),
        };
        var target = _voice with { Url = WebhookPaths.Combine(publicBaseUrl, WebhookPaths.BandwidthVoice, query) };
        return new Redirection(null, Callback(target, CallFields(leg, BandwidthEventTypes.Redirect), leg.Id, null));
    }

    /// <inheritdoc />
    /// <remarks>As <see cref="BandwidthCallProvider"/> does: the redirect webhook goes to the URL with the account's callback credentials.</remarks>
    public OutgoingCallback RedirectToUrl(CallLeg leg, Uri url) =>
        Callback(_voice with { Url = url, IsCommandUrl = true }, CallFields(leg, BandwidthEventTypes.Redirect), leg.Id, null);

    /// <inheritdoc />
    public OutgoingCallback? Progress(CallLeg leg) => null;

    /// <inheritdoc />
    public OutgoingCallback? Ended(CallLeg leg)
    {
        if (leg.StatusUrl is not { } target)
        {
            return null;
        }

        var isTransferLeg = leg.Origin == LegOrigin.OutboundDial;
        var callback = CallFields(leg, isTransferLeg ? BandwidthEventTypes.TransferDisconnect : BandwidthEventTypes.Disconnect) with
        {
            EndTime = leg.EndTime,
            ParentCallId = isTransferLeg ? leg.Parent?.Id : null,
            TransferCallerId = isTransferLeg ? leg.From : null,
            TransferTo = isTransferLeg ? leg.To : null,
        };
        return Callback(target, WithCause(callback, leg), leg.Id, null);
    }

    /// <inheritdoc />
    public OutgoingCallback AskInstructions(CallLeg leg, InstructionReason reason)
    {
        var target = leg.InstructionUrl ?? _voice;
        var callback = reason == InstructionReason.Arrival
            ? CallFields(leg, BandwidthEventTypes.Initiate) with { EnqueuedTime = null, AnswerTime = null, Tag = null }
            : CallFields(leg, BandwidthEventTypes.Answer);
        return Callback(target, callback, leg.Id, null);
    }

    /// <inheritdoc />
    public IReadOnlyList<OutgoingCallback> Joined(ConferenceRoom room, ConferenceMember member, CallLeg leg, bool started)
    {
        if (room.Settings?.Events is not { } target)
        {
            return [];
        }

        List<OutgoingCallback> callbacks = [];
        if (started)
        {
            callbacks.Add(Callback(target, ConferenceFields(room, BandwidthEventTypes.ConferenceCreated), null, room.Id));
        }

        callbacks.Add(Callback(target, MemberFields(room, leg, BandwidthEventTypes.ConferenceMemberJoin), leg.Id, room.Id));
        return callbacks;
    }

    /// <inheritdoc />
    public OutgoingCallback? Left(ConferenceRoom room, ConferenceMember member, CallLeg leg, LeaveReason reason) =>
        room.Settings?.Events is { } target
            ? Callback(target, MemberFields(room, leg, BandwidthEventTypes.ConferenceMemberExit), leg.Id, room.Id)
            : null;

    /// <inheritdoc />
    public OutgoingCallback? ConferenceEnded(ConferenceRoom room, ConferenceEndReason reason, ConferenceMember? ending) =>
        room.Settings?.Events is { } target && room.Started
            ? Callback(target, ConferenceFields(room, BandwidthEventTypes.ConferenceCompleted), null, room.Id)
            : null;

    /// <inheritdoc />
    /// <remarks>Bandwidth has no hold or mute callbacks: the member update is silent.</remarks>
    public OutgoingCallback? ParticipantChanged(ConferenceRoom room, ConferenceMember member, ParticipantChange change) => null;

    /// <inheritdoc />
    public OutgoingCallback? TransferAnswered(CallLeg leg) =>
        leg.TransferAnswerUrl is { } target
            ? Callback(target, CallFields(leg, BandwidthEventTypes.TransferAnswer) with { TransferCallerId = leg.From, TransferTo = leg.To }, leg.Id, null)
            : null;

    /// <inheritdoc />
    /// <remarks>With a <c>transferCompleteUrl</c>, its BXML replaces the calling leg's remaining verbs.</remarks>
    public OutgoingCallback? TransferCompleted(CallLeg parent, CallLeg leg, DialVerb dial)
    {
        if (dial.CompleteEvents is not { } target)
        {
            return null;
        }

        var callback = CallFields(parent, BandwidthEventTypes.TransferComplete) with { TransferCallerId = leg.From, TransferTo = leg.To };
        return Callback(target, WithCause(callback, leg), parent.Id, null);
    }

    private BandwidthCallback CallFields(CallLeg leg, string eventType) => new()
    {
        EventType = eventType,
        EventTime = time.GetUtcNow(),
        AccountId = settings.AccountId,
        ApplicationId = settings.ApplicationId,
        From = leg.From,
        To = leg.To,
        Direction = leg.Origin == LegOrigin.Inbound ? "inbound" : "outbound",
        CallId = leg.Id,
        CallUrl = $"{settings.ApiBaseUrl.AbsoluteUri.TrimEnd('/')}/accounts/{settings.AccountId}/calls/{leg.Id}",
        StartTime = leg.StartTime,
        EnqueuedTime = leg.Origin == LegOrigin.Inbound ? null : leg.StartTime,
        AnswerTime = leg.AnswerTime,
        Tag = leg.Tag,
    };

    private BandwidthCallback ConferenceFields(ConferenceRoom room, string eventType) => new()
    {
        EventType = eventType,
        EventTime = time.GetUtcNow(),
        ConferenceId = room.Id,
        Name = room.Name,
        Tag = room.Settings?.Label,
    };

    private BandwidthCallback MemberFields(ConferenceRoom room, CallLeg leg, string eventType) =>
        ConferenceFields(room, eventType) with { From = leg.From, To = leg.To, CallId = leg.Id };

    // The cause a leg ended with, as Bandwidth words it; hang-ups carry no error.
    private static BandwidthCallback WithCause(BandwidthCallback callback, CallLeg leg)
    {
        var (cause, message) = leg.Cause switch
        {
            DisconnectCause.Busy => ("busy", "Callee is busy"),
            DisconnectCause.NoAnswer => ("timeout", "Call timed out"),
            DisconnectCause.Canceled => ("cancel", "Call was cancelled"),
            DisconnectCause.Rejected => ("rejected", "Call was rejected"),
            DisconnectCause.Failed when leg.Failure == LegFailure.InvalidInstructions => ("invalid-bxml", "Invalid BXML"),
            DisconnectCause.Failed => ("callback-error", "Callback could not be delivered"),
            _ => ("hangup", null),
        };
        return message is null
            ? callback with { Cause = cause }
            : callback with { Cause = cause, ErrorMessage = leg.ErrorMessage ?? message, ErrorId = Guid.NewGuid().ToString() };
    }

    private static OutgoingCallback Callback(CallbackTarget target, BandwidthCallback callback, string? callId, string? conferenceId)
    {
        var body = JsonSerializer.Serialize(callback, BandwidthWireJson.Context.BandwidthCallback);
        IReadOnlyList<KeyValuePair<string, string>> headers = target.Username is { } username
            ? [new("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{target.Password}")))]
            : [];
        return new OutgoingCallback(callback.EventType!, target.Url, JsonContentType, body, headers, callId, conferenceId)
        {
            IsCommandUrl = target.IsCommandUrl,
        };
    }

    private static string RandomHex() => Guid.NewGuid().ToString("N")[..8];
}
