using System.Globalization;
using Telephony.GrainInterfaces.Calls;
using Telephony.Providers.Twilio;

namespace Telephony.Providers.Simulator;

/// <summary>
/// Twilio's side: <c>CA…</c>/<c>CF…</c> ids, form-encoded callbacks signed with <c>X-Twilio-Signature</c> over the public
/// URL (or the instruction URL a command named), TwiML answers. Calls placed by commands are configured as
/// <see cref="TwilioCallProvider"/> configures them (status callbacks for every progress event; conference dials through
/// the participant API; the dial's Url, if any, as voice URL); arriving calls as a number whose voice URL and status
/// callback are our webhooks (completed only, without progress fields).
/// Legs placed by <c>&lt;Dial&gt;&lt;Number&gt;</c> report nothing, as <c>&lt;Number&gt;</c> without <c>statusCallback</c> does.
/// </summary>
internal sealed class TwilioDialect(TwilioSettings settings, Uri publicBaseUrl, TimeProvider time) : ISimulatorDialect
{
    private const string FormContentType = "application/x-www-form-urlencoded";

    private static readonly IReadOnlySet<string> ProgressEvents = new HashSet<string>(TwilioSubscriptions.CallProgressEvents, StringComparer.Ordinal);

    private readonly TwiMLRenderer _twiml = new(publicBaseUrl);
    private readonly Uri _voiceUrl = WebhookPaths.Combine(publicBaseUrl, WebhookPaths.TwilioVoice);
    private readonly Uri _statusUrl = WebhookPaths.Combine(publicBaseUrl, WebhookPaths.TwilioStatus);

    /// <inheritdoc />
    public bool ReportsConferenceOnDial => true;

    /// <inheritdoc />
    public string NewCallId() => "CA" + Guid.NewGuid().ToString("N");

    /// <inheritdoc />
    public string NewConferenceId() => "CF" + Guid.NewGuid().ToString("N");

    /// <inheritdoc />
    public void RouteOutbound(CallLeg leg, DialCommand dial)
    {
        leg.StatusUrl = new CallbackTarget(_statusUrl);
        leg.StatusEvents = ProgressEvents;
        if (dial.ConferenceName is { } conference)
        {
            // The participant API joins on answer with the conference callback and events our TwiML would carry.
            var join = (ConferenceVerb)ReadInstructions(_twiml.Render([new JoinConferenceInstruction(conference)]), _voiceUrl).Single();
            leg.Verbs.Enqueue(join with { Label = dial.CommandId });
        }
        else
        {
            leg.InstructionUrl = dial.Url is { } url ? new CallbackTarget(url) { IsCommandUrl = true } : new CallbackTarget(_voiceUrl);
        }
    }

    /// <inheritdoc />
    public void RouteInbound(CallLeg leg)
    {
        leg.InstructionUrl = new CallbackTarget(_voiceUrl);
        leg.StatusUrl = new CallbackTarget(_statusUrl);
    }

    /// <inheritdoc />
    public void RouteTransfer(CallLeg leg, DialVerb dial)
    {
        // Our TwiML's <Number> has no statusCallback, so the dialled leg reports to nobody.
    }

    /// <inheritdoc />
    /// <remarks>A Twilio conference starts once two participants are in and one of them starts conferences on entering.</remarks>
    public bool Starts(ConferenceRoom room) => room.Members.Count >= 2 && room.Members.Exists(m => m.StartConferenceOnEnter);

    /// <inheritdoc />
    public IReadOnlyList<SimulatorVerb> ReadInstructions(string markup, Uri source) => TwimlReader.Read(markup, source);

    /// <inheritdoc />
    /// <remarks>As <see cref="TwilioCallProvider"/> does: the call is updated with TwiML, which runs at once.</remarks>
    public Redirection Redirect(CallLeg leg, CallInstruction instruction) =>
        new(ReadInstructions(_twiml.Render([instruction]), _voiceUrl), null);

    /// <inheritdoc />
    public OutgoingCallback? Progress(CallLeg leg)
    {
        var (subscription, status) = leg.Status switch
        {
            SimulatedCallStatus.Initiated => ("initiated", "initiated"),
            SimulatedCallStatus.Ringing => ("ringing", "ringing"),
            _ => ("answered", "in-progress"),
        };
        if (leg.StatusUrl is not { } target || leg.StatusEvents is not { } events || !events.Contains(subscription))
        {
            return null;
        }

        var fields = CallFields(leg, status);
        AddProgressFields(fields, leg);
        return Form("status:" + status, target.Url, fields, leg.Id, null);
    }

    /// <inheritdoc />
    public OutgoingCallback? Ended(CallLeg leg)
    {
        if (leg.StatusUrl is not { } target || (leg.StatusEvents is { } events && !events.Contains("completed")))
        {
            return null;
        }

        var (status, sipCode) = leg.Cause switch
        {
            DisconnectCause.Busy => ("busy", "486"),
            DisconnectCause.NoAnswer => ("no-answer", "487"),
            DisconnectCause.Canceled => ("canceled", "487"),
            DisconnectCause.Rejected => ("busy", "603"),
            DisconnectCause.Failed => ("failed", "500"),
            _ => ("completed", "200"),
        };
        var fields = CallFields(leg, status);
        if (leg.StatusEvents is not null)
        {
            AddProgressFields(fields, leg);
        }

        var seconds = leg.AnsweredSeconds(time.GetUtcNow());
        fields.Add(new("CallDuration", seconds.ToString(CultureInfo.InvariantCulture)));
        fields.Add(new("SipResponseCode", sipCode));
        if (status == "completed")
        {
            fields.Add(new("Duration", ((seconds + 59) / 60).ToString(CultureInfo.InvariantCulture)));
        }

        return Form("status:" + status, target.Url, fields, leg.Id, null);
    }

    /// <inheritdoc />
    public OutgoingCallback AskInstructions(CallLeg leg, InstructionReason reason) =>
        Voice(leg, leg.InstructionUrl ?? new CallbackTarget(_voiceUrl));

    /// <inheritdoc />
    /// <remarks>Twilio requests a call update's <c>Url</c> as it requests a voice URL, with the call's current status.</remarks>
    public OutgoingCallback RedirectToUrl(CallLeg leg, Uri url) => Voice(leg, new CallbackTarget(url) { IsCommandUrl = true });

    /// <inheritdoc />
    public IReadOnlyList<OutgoingCallback> Joined(ConferenceRoom room, ConferenceMember member, CallLeg leg, bool started)
    {
        List<OutgoingCallback> callbacks = [];
        if (ParticipantEvent(room, member, "join", "participant-join") is { } join)
        {
            callbacks.Add(join);
        }

        if (started && ConferenceEvent(room, "start", "conference-start", null) is { } start)
        {
            callbacks.Add(start);
        }

        return callbacks;
    }

    /// <inheritdoc />
    public OutgoingCallback? Left(ConferenceRoom room, ConferenceMember member, CallLeg leg, LeaveReason reason) =>
        ParticipantEvent(room, member, "leave", "participant-leave", fields =>
        {
            fields.Add(new("ParticipantCallStatus", reason == LeaveReason.HungUp ? "completed" : "in-progress"));
            fields.Add(new("ReasonParticipantLeft", reason switch
            {
                LeaveReason.HungUp => "participant_hung_up",
                LeaveReason.ConferenceEnded => "conference_ended_via_api",
                LeaveReason.ModeratorLeft => "moderator_ended_conference",
                _ => "participant_updated_via_api",
            }));
        });

    /// <inheritdoc />
    /// <remarks>A conference that never started never reports its end either.</remarks>
    public OutgoingCallback? ConferenceEnded(ConferenceRoom room, ConferenceEndReason reason, ConferenceMember? ending) =>
        !room.Started
            ? null
            : ConferenceEvent(room, "end", "conference-end", null, fields =>
            {
                if (ending is not null)
                {
                    fields.Add(new("CallSidEndingConference", ending.CallId));
                    if (ending.Label is { } label)
                    {
                        fields.Add(new("ParticipantLabelEndingConference", label));
                    }
                }

                var (code, text) = reason switch
                {
                    ConferenceEndReason.EndedViaApi => ("conference-ended-via-api", "Conference ended via API"),
                    ConferenceEndReason.EndOnExitLeft => ("participant-with-end-conference-on-exit-left", "Participant with endConferenceOnExit left"),
                    ConferenceEndReason.EndOnExitKicked => ("participant-with-end-conference-on-exit-kicked", "Participant with endConferenceOnExit was removed"),
                    ConferenceEndReason.LastKicked => ("last-participant-kicked", "Last participant was removed"),
                    _ => ("last-participant-left", "Last participant left"),
                };
                fields.Add(new("ReasonConferenceEnded", code));
                fields.Add(new("Reason", text));
            });

    /// <inheritdoc />
    public OutgoingCallback? ParticipantChanged(ConferenceRoom room, ConferenceMember member, ParticipantChange change) => change switch
    {
        ParticipantChange.Hold => ParticipantEvent(room, member, "hold", "participant-hold"),
        ParticipantChange.Unhold => ParticipantEvent(room, member, "hold", "participant-unhold"),
        ParticipantChange.Mute => ParticipantEvent(room, member, "mute", "participant-mute"),
        _ => ParticipantEvent(room, member, "mute", "participant-unmute"),
    };

    /// <inheritdoc />
    public OutgoingCallback? TransferAnswered(CallLeg leg) => null;

    /// <inheritdoc />
    /// <remarks>Without a <c>&lt;Dial action&gt;</c> Twilio goes on with the next verb.</remarks>
    public OutgoingCallback? TransferCompleted(CallLeg parent, CallLeg leg, DialVerb dial) => null;

    private OutgoingCallback Voice(CallLeg leg, CallbackTarget target)
    {
        var status = leg.Status == SimulatedCallStatus.Answered ? "in-progress" : "ringing";
        return Form("voice:" + status, target.Url, CallFields(leg, status), leg.Id, null) with { IsCommandUrl = target.IsCommandUrl };
    }

    private List<KeyValuePair<string, string>> CallFields(CallLeg leg, string status)
    {
        List<KeyValuePair<string, string>> fields =
        [
            new("CallSid", leg.Id),
            new("AccountSid", settings.AccountSid),
            new("ApiVersion", "2010-04-01"),
            new("From", leg.From),
            new("To", leg.To),
            new("Caller", leg.From),
            new("Called", leg.To),
            new("CallStatus", status),
            new("Direction", leg.Origin switch
            {
                LegOrigin.Inbound => "inbound",
                LegOrigin.OutboundApi => "outbound-api",
                _ => "outbound-dial",
            }),
        ];
        if (leg.Parent is { } parent)
        {
            fields.Add(new("ParentCallSid", parent.Id));
        }

        return fields;
    }

    private void AddProgressFields(List<KeyValuePair<string, string>> fields, CallLeg leg)
    {
        fields.Add(new("Timestamp", Timestamp()));
        fields.Add(new("CallbackSource", "call-progress-events"));
        fields.Add(new("SequenceNumber", leg.NextSequence().ToString(CultureInfo.InvariantCulture)));
    }

    private OutgoingCallback? ParticipantEvent(
        ConferenceRoom room, ConferenceMember member, string subscription, string name, Action<List<KeyValuePair<string, string>>>? extra = null) =>
        ConferenceEvent(room, subscription, name, member.CallId, fields =>
        {
            fields.Add(new("CallSid", member.CallId));
            fields.Add(new("Muted", Bool(member.Muted)));
            fields.Add(new("Hold", Bool(member.Hold)));
            fields.Add(new("Coaching", "false"));
            fields.Add(new("EndConferenceOnExit", Bool(member.EndConferenceOnExit)));
            fields.Add(new("StartConferenceOnEnter", Bool(member.StartConferenceOnEnter)));
            if (member.Label is { } label)
            {
                fields.Add(new("ParticipantLabel", label));
            }

            extra?.Invoke(fields);
        });

    // The first participant's statusCallback and statusCallbackEvent decide what the whole conference reports.
    private OutgoingCallback? ConferenceEvent(
        ConferenceRoom room, string subscription, string name, string? callId, Action<List<KeyValuePair<string, string>>>? extra = null)
    {
        if (room.Settings is not { Events: { } target } conference || conference.Subscribed?.Contains(subscription) == false)
        {
            return null;
        }

        List<KeyValuePair<string, string>> fields =
        [
            new("ConferenceSid", room.Id),
            new("FriendlyName", room.Name),
            new("AccountSid", settings.AccountSid),
            new("SequenceNumber", room.NextSequence().ToString(CultureInfo.InvariantCulture)),
            new("Timestamp", Timestamp()),
            new("StatusCallbackEvent", name),
        ];
        extra?.Invoke(fields);
        return Form("conference:" + name, target.Url, fields, callId, room.Id);
    }

    private OutgoingCallback Form(string eventName, Uri url, List<KeyValuePair<string, string>> fields, string? callId, string? conferenceId)
    {
        var signature = TwilioSignature.Compute(settings.AuthToken, url.AbsoluteUri, fields);
        var body = string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
        return new OutgoingCallback(eventName, url, FormContentType, body, [new(TwilioSignature.HeaderName, signature)], callId, conferenceId);
    }

    // RFC 2822, as Twilio writes it: "Thu, 1 Jun 2017 20:48:32 +0000".
    private string Timestamp() =>
        time.GetUtcNow().UtcDateTime.ToString("ddd, d MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";
}
