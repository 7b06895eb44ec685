using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Telephony.GrainInterfaces.Calls;

namespace Telephony.Providers.Simulator;

/// <summary>
/// One account's simulated telephone network: it plays the provider and the far ends of every call (ringing,
/// answering after <see cref="SimulatorSettings.AnswerDelay"/>, busy and no-answer numbers, conferences, hang-ups)
/// and reports it all to our webhooks in Twilio or Bandwidth format, signed or authenticated as that provider would.
/// Legs dialled or redirected with an instruction URL ask that URL for their instructions, wherever it points.
/// State lives in memory and all timing comes from the <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// Every change happens under one lock and queues its callbacks before the lock is released, so callbacks go out in
/// the order things happened; they are sent one at a time. TwiML or BXML answers, our webhooks' or an instruction
/// URL's, are run when they arrive. Speaking takes simulated time (<see cref="SpeechPerCharacter"/>, at least
/// <see cref="ShortestSpeech"/>), so a call that only says something stays up that long.
/// </remarks>
public sealed class SimulatedNetwork : IAsyncDisposable
{
    /// <summary>How long speaking one character takes.</summary>
    public static readonly TimeSpan SpeechPerCharacter = TimeSpan.FromMilliseconds(80);

    /// <summary>The shortest time anything said takes.</summary>
    public static readonly TimeSpan ShortestSpeech = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, CallLeg> _calls = new(StringComparer.Ordinal);
    private readonly List<CallLeg> _callOrder = [];
    private readonly Dictionary<string, ConferenceRoom> _conferences = new(StringComparer.Ordinal);
    private readonly List<ConferenceRoom> _conferenceOrder = [];
    private readonly List<SimulatedMessage> _messages = [];
    private readonly ISimulatorDialect _dialect;
    private readonly CallbackDelivery _delivery;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Regex _busy;
    private readonly Regex _noAnswer;
    private bool _disposed;

    /// <summary>Creates the network for our account <paramref name="accountId"/>.</summary>
    /// <param name="accountId">Our account id.</param>
    /// <param name="settings">Format, answering behaviour and the fake provider credentials.</param>
    /// <param name="publicBaseUrl">Our public base URL (<c>Telephony:PublicBaseUrl</c>): callbacks are addressed and signed for it.</param>
    /// <param name="deliveryBaseUrl">Our own listening address, read at each delivery (it is known only once the server has started).</param>
    /// <param name="httpClient">Sends the callbacks; its timeout bounds each one.</param>
    /// <param name="timeProvider">The clock for ringing, answering and speaking.</param>
    /// <param name="logger">Receives delivery failures.</param>
    public SimulatedNetwork(
        string accountId,
        SimulatorSettings settings,
        Uri publicBaseUrl,
        Func<Uri> deliveryBaseUrl,
        HttpClient httpClient,
        TimeProvider timeProvider,
        ILogger logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        ArgumentNullException.ThrowIfNull(deliveryBaseUrl);
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.AnswerDelay, TimeSpan.Zero);
        AccountId = accountId;
        Settings = settings;
        _time = timeProvider;
        _logger = logger;
        _busy = new Regex(settings.BusyPattern, RegexOptions.CultureInvariant, PatternTimeout);
        _noAnswer = new Regex(settings.NoAnswerPattern, RegexOptions.CultureInvariant, PatternTimeout);
        _dialect = settings.Format == SimulatorFormat.Bandwidth
            ? new BandwidthDialect(settings.Bandwidth, publicBaseUrl, timeProvider)
            : new TwilioDialect(settings.Twilio, publicBaseUrl, timeProvider);
        _delivery = new CallbackDelivery(httpClient, publicBaseUrl, deliveryBaseUrl, timeProvider, logger);
    }

    /// <summary>Our account id.</summary>
    public string AccountId { get; }

    /// <summary>The settings it runs with.</summary>
    public SimulatorSettings Settings { get; }

    /// <summary>Every leg so far, oldest first.</summary>
    public IReadOnlyList<SimulatedCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _callOrder.Select(c => c.Snapshot())];
            }
        }
    }

    /// <summary>Every conference so far, oldest first.</summary>
    public IReadOnlyList<SimulatedConference> Conferences
    {
        get
        {
            lock (_gate)
            {
                return [.. _conferenceOrder.Select(c => c.Snapshot())];
            }
        }
    }

    /// <summary>Every text message sent, oldest first.</summary>
    public IReadOnlyList<SimulatedMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Every callback sent to our webhooks, in delivery order.</summary>
    public IReadOnlyList<DeliveredCallback> Callbacks => _delivery.Log;

    /// <summary>The leg <paramref name="callId"/>, or null when there is none.</summary>
    public SimulatedCall? FindCall(string callId)
    {
        lock (_gate)
        {
            return _calls.TryGetValue(callId, out var leg) ? leg.Snapshot() : null;
        }
    }

    /// <summary>
    /// Places a call from <paramref name="from"/> to our number <paramref name="to"/>, as the provider would deliver one:
    /// our voice webhook is asked what to do and its answer is run. Returns the new leg's id at once.
    /// </summary>
    public Task<string> PlaceIncomingCallAsync(string from, string to, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var leg = new CallLeg(_dialect.NewCallId(), from, to, LegOrigin.Inbound, _time.GetUtcNow()) { Status = SimulatedCallStatus.Ringing };
            _dialect.RouteInbound(leg);
            Register(leg);
            Ask(leg, _dialect.AskInstructions(leg, InstructionReason.Arrival));
            return Task.FromResult(leg.Id);
        }
    }

    /// <summary>
    /// The far end of <paramref name="callId"/> hangs up (an inbound caller gives up, a called party declines or ends
    /// the call). Callbacks follow as the provider sends them. Throws <see cref="ProviderException"/> (404) for an unknown leg.
    /// </summary>
    public Task HangupFarEndAsync(string callId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var leg = RequireCall(callId);
            var cause = leg.Status == SimulatedCallStatus.Answered ? DisconnectCause.Completed
                : leg.Origin == LegOrigin.Inbound ? DisconnectCause.Canceled
                : DisconnectCause.Rejected;
            End(leg, cause);
            return Task.CompletedTask;
        }
    }

    /// <summary>Completes when every callback queued so far has been delivered and its answer run; timers still pending do not count.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken) => _delivery.WhenIdleAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _disposed = true;
            _callOrder.ForEach(leg => leg.CancelTimer());
        }

        await _delivery.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Places an outbound leg; it rings, then answers, is busy or is never answered, per its number.</summary>
    internal CommandResult Dial(DialCommand dial)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var leg = new CallLeg(_dialect.NewCallId(), dial.From, dial.To, LegOrigin.OutboundApi, _time.GetUtcNow()) { Tag = dial.CommandId };
            _dialect.RouteOutbound(leg, dial);
            Register(leg);
            var conferenceId = _dialect.ReportsConferenceOnDial && dial.ConferenceName is { } name ? ActiveConference(name).Id : null;
            Ring(leg, dial.TimeoutSeconds);
            return new CommandResult(leg.Id, conferenceId);
        }
    }

    /// <summary>Ends a leg from our side: hangs up an answered one, cancels one still ringing.</summary>
    internal void Hangup(string callId)
    {
        lock (_gate)
        {
            var leg = RequireCall(callId);
            End(leg, leg.Status == SimulatedCallStatus.Answered ? DisconnectCause.Completed : DisconnectCause.Canceled);
        }
    }

    /// <summary>Makes an answered leg leave whatever it does and follow <paramref name="instruction"/> instead.</summary>
    internal void Redirect(string callId, CallInstruction instruction)
    {
        lock (_gate)
        {
            var leg = RequireAnswered(callId);
            var redirection = _dialect.Redirect(leg, instruction);
            Detach(leg, LeaveReason.Redirected);
            if (redirection.Request is { } request)
            {
                Ask(leg, request);
                return;
            }

            foreach (var verb in redirection.Verbs ?? [])
            {
                leg.Verbs.Enqueue(verb);
            }

            RunVerbs(leg);
        }
    }

    /// <summary>Makes an answered leg leave whatever it does and ask <paramref name="url"/> for what to do instead; a failed request hangs it up.</summary>
    internal void RedirectToUrl(string callId, Uri url)
    {
        lock (_gate)
        {
            var leg = RequireAnswered(callId);
            var request = _dialect.RedirectToUrl(leg, url);
            Detach(leg, LeaveReason.Redirected);
            Ask(leg, request);
        }
    }

    /// <summary>Holds, unholds, mutes or unmutes one participant.</summary>
    internal void UpdateParticipant(UpdateParticipantCommand update)
    {
        lock (_gate)
        {
            var room = RequireConference(update.ConferenceId);
            var member = room.Find(update.CallId) ?? throw NotFound($"participant {update.CallId} in conference {update.ConferenceId}");
            if (update.Hold is { } hold && hold != member.Hold)
            {
                member.Hold = hold;
                Emit(_dialect.ParticipantChanged(room, member, hold ? ParticipantChange.Hold : ParticipantChange.Unhold));
            }

            if (update.Muted is { } muted && muted != member.Muted)
            {
                member.Muted = muted;
                Emit(_dialect.ParticipantChanged(room, member, muted ? ParticipantChange.Mute : ParticipantChange.Unmute));
            }
        }
    }

    /// <summary>Takes a participant out of a conference; its leg goes on with its remaining instructions, if any, else hangs up.</summary>
    internal void RemoveParticipant(string conferenceId, string callId)
    {
        lock (_gate)
        {
            var room = RequireConference(conferenceId);
            _ = room.Find(callId) ?? throw NotFound($"participant {callId} in conference {conferenceId}");
            var leg = _calls[callId];
            Leave(leg, LeaveReason.Removed);
            RunVerbs(leg);
        }
    }

    /// <summary>Ends a conference; its legs go on with their remaining instructions, if any, else hang up.</summary>
    internal void EndConference(string conferenceId)
    {
        lock (_gate)
        {
            var room = RequireConference(conferenceId);
            if (!room.Ended)
            {
                FinishConference(room, ConferenceEndReason.EndedViaApi, ending: null);
            }
        }
    }

    /// <summary>Records a text message.</summary>
    internal void SendMessage(SendMessageCommand message)
    {
        lock (_gate)
        {
            _messages.Add(new SimulatedMessage(message.CommandId, message.From, message.To, message.Text, _time.GetUtcNow()));
        }
    }

    private void Register(CallLeg leg)
    {
        _calls.Add(leg.Id, leg);
        _callOrder.Add(leg);
    }

    // Busy numbers fail after the answer delay without ringing; the rest ring until they answer or the dial times out.
    private void Ring(CallLeg leg, int timeoutSeconds)
    {
        Emit(_dialect.Progress(leg));
        if (_busy.IsMatch(leg.To))
        {
            Schedule(leg, Settings.AnswerDelay, l => End(l, DisconnectCause.Busy));
            return;
        }

        leg.Status = SimulatedCallStatus.Ringing;
        Emit(_dialect.Progress(leg));
        var timeout = TimeSpan.FromSeconds(timeoutSeconds);
        if (_noAnswer.IsMatch(leg.To) || Settings.AnswerDelay >= timeout)
        {
            Schedule(leg, timeout, l => End(l, DisconnectCause.NoAnswer));
        }
        else
        {
            Schedule(leg, Settings.AnswerDelay, Answer);
        }
    }

    private void Answer(CallLeg leg)
    {
        leg.Status = SimulatedCallStatus.Answered;
        leg.AnswerTime = _time.GetUtcNow();
        Emit(_dialect.Progress(leg));
        if (leg.Parent is { } parent)
        {
            parent.Activity = SimulatedCallActivity.Bridged;
            leg.Activity = SimulatedCallActivity.Bridged;
            Emit(_dialect.TransferAnswered(leg));
        }
        else if (leg.InstructionUrl is not null)
        {
            Ask(leg, _dialect.AskInstructions(leg, InstructionReason.Answer));
        }
        else
        {
            RunVerbs(leg);
        }
    }

    private void Ask(CallLeg leg, OutgoingCallback request)
    {
        leg.Activity = SimulatedCallActivity.AwaitingInstructions;
        var requestNumber = ++leg.InstructionRequest;
        _delivery.Enqueue(request, reply => OnInstructions(leg, requestNumber, request.Url, reply));
    }

    private void OnInstructions(CallLeg leg, int requestNumber, Uri source, CallbackReply reply)
    {
        lock (_gate)
        {
            // A hang-up or a newer redirect has overtaken this request.
            if (_disposed || !leg.IsLive || leg.InstructionRequest != requestNumber || leg.Activity != SimulatedCallActivity.AwaitingInstructions)
            {
                return;
            }

            if (reply.Error is { } error)
            {
                End(leg, DisconnectCause.Failed, LegFailure.CallbackError, error);
                return;
            }

            IReadOnlyList<SimulatorVerb> verbs;
            try
            {
                verbs = _dialect.ReadInstructions(reply.Body ?? string.Empty, source);
            }
            catch (MarkupFormatException ex)
            {
                _logger.LogWarning("Simulator call {CallId} got instructions it cannot run from {Url}: {Error}", leg.Id, source, ex.Message);
                End(leg, DisconnectCause.Failed, LegFailure.InvalidInstructions, ex.Message);
                return;
            }

            leg.Activity = SimulatedCallActivity.Idle;
            leg.Verbs.Clear();
            foreach (var verb in verbs)
            {
                leg.Verbs.Enqueue(verb);
            }

            RunVerbs(leg);
        }
    }

    // Runs instructions until one takes time; a leg with nothing left to do hangs up, as both providers do.
    private void RunVerbs(CallLeg leg)
    {
        while (leg.IsLive && leg.Activity == SimulatedCallActivity.Idle && leg.Verbs.TryDequeue(out var verb))
        {
            switch (verb)
            {
                case SayVerb say:
                    AnswerArrival(leg);
                    leg.Say(say.Text);
                    leg.Activity = SimulatedCallActivity.Speaking;
                    Schedule(leg, SpeechTime(say.Text), FinishSpeaking);
                    break;
                case ConferenceVerb conference:
                    AnswerArrival(leg);
                    Join(leg, conference);
                    break;
                case DialVerb dial:
                    AnswerArrival(leg);
                    StartTransfer(leg, dial);
                    break;
                case HangupVerb:
                    End(leg, DisconnectCause.Completed);
                    break;
            }
        }

        if (leg.IsLive && leg.Activity == SimulatedCallActivity.Idle)
        {
            End(leg, DisconnectCause.Completed);
        }
    }

    private static TimeSpan SpeechTime(string text) =>
        TimeSpan.FromTicks(Math.Max(ShortestSpeech.Ticks, SpeechPerCharacter.Ticks * text.Length));

    private void FinishSpeaking(CallLeg leg)
    {
        leg.Activity = SimulatedCallActivity.Idle;
        RunVerbs(leg);
    }

    // An arrived call is answered by the first instruction that needs audio.
    private void AnswerArrival(CallLeg leg)
    {
        if (leg.Status == SimulatedCallStatus.Ringing)
        {
            leg.Status = SimulatedCallStatus.Answered;
            leg.AnswerTime = _time.GetUtcNow();
            Emit(_dialect.Progress(leg));
        }
    }

    private void Join(CallLeg leg, ConferenceVerb verb)
    {
        var room = ActiveConference(verb.Name);
        room.Settings ??= verb;
        var member = new ConferenceMember(leg.Id, verb);
        room.Members.Add(member);
        leg.ConferenceId = room.Id;
        leg.Activity = SimulatedCallActivity.InConference;
        var starts = !room.Started && _dialect.Starts(room);
        room.Started |= starts;
        foreach (var callback in _dialect.Joined(room, member, leg, starts))
        {
            Emit(callback);
        }
    }

    // Only one conference per name runs at a time; the next join after it ends creates a new one.
    private ConferenceRoom ActiveConference(string name)
    {
        var room = _conferenceOrder.FindLast(r => r.Name == name && !r.Ended);
        if (room is null)
        {
            room = new ConferenceRoom(_dialect.NewConferenceId(), name, _time.GetUtcNow());
            _conferences.Add(room.Id, room);
            _conferenceOrder.Add(room);
        }

        return room;
    }

    private void Leave(CallLeg leg, LeaveReason reason)
    {
        if (leg.ConferenceId is not { } conferenceId
            || !_conferences.TryGetValue(conferenceId, out var room)
            || room.Find(leg.Id) is not { } member)
        {
            return;
        }

        room.Members.Remove(member);
        leg.ConferenceId = null;
        leg.Activity = SimulatedCallActivity.Idle;
        Emit(_dialect.Left(room, member, leg, reason));
        var kicked = reason == LeaveReason.Removed;
        if (room.Members.Count == 0)
        {
            FinishConference(room, kicked ? ConferenceEndReason.LastKicked : ConferenceEndReason.LastLeft, member);
        }
        else if (member.EndConferenceOnExit)
        {
            FinishConference(room, kicked ? ConferenceEndReason.EndOnExitKicked : ConferenceEndReason.EndOnExitLeft, member);
        }
    }

    private void FinishConference(ConferenceRoom room, ConferenceEndReason reason, ConferenceMember? ending)
    {
        room.EndedAt = _time.GetUtcNow();
        var leaveReason = reason == ConferenceEndReason.EndedViaApi ? LeaveReason.ConferenceEnded : LeaveReason.ModeratorLeft;
        List<CallLeg> released = [];
        foreach (var member in room.Members)
        {
            var leg = _calls[member.CallId];
            leg.ConferenceId = null;
            leg.Activity = SimulatedCallActivity.Idle;
            Emit(_dialect.Left(room, member, leg, leaveReason));
            released.Add(leg);
        }

        room.Members.Clear();
        Emit(_dialect.ConferenceEnded(room, reason, ending));
        released.ForEach(RunVerbs);
    }

    private void StartTransfer(CallLeg parent, DialVerb dial)
    {
        var leg = new CallLeg(_dialect.NewCallId(), dial.CallerId ?? parent.From, dial.To, LegOrigin.OutboundDial, _time.GetUtcNow()) { Parent = parent };
        _dialect.RouteTransfer(leg, dial);
        Register(leg);
        parent.Child = leg;
        parent.ActiveDial = dial;
        parent.Activity = SimulatedCallActivity.Dialing;
        Ring(leg, dial.TimeoutSeconds);
    }

    private void TransferFinished(CallLeg parent, CallLeg leg)
    {
        var dial = parent.ActiveDial;
        parent.Child = null;
        parent.ActiveDial = null;
        parent.Activity = SimulatedCallActivity.Idle;
        if (dial is not null && _dialect.TransferCompleted(parent, leg, dial) is { } request)
        {
            parent.Verbs.Clear();
            Ask(parent, request);
        }
        else
        {
            RunVerbs(parent);
        }
    }

    // Leaves the conference or dial the leg is in without ending it, and forgets what it was going to do.
    private void Detach(CallLeg leg, LeaveReason reason)
    {
        leg.CancelTimer();
        leg.Verbs.Clear();
        leg.InstructionRequest++;
        if (leg.Activity == SimulatedCallActivity.InConference)
        {
            Leave(leg, reason);
        }

        if (leg.Child is { } child)
        {
            leg.Child = null;
            leg.ActiveDial = null;
            End(child, child.Status == SimulatedCallStatus.Answered ? DisconnectCause.Completed : DisconnectCause.Canceled);
        }

        leg.Activity = SimulatedCallActivity.Idle;
    }

    private void End(CallLeg leg, DisconnectCause cause, LegFailure? failure = null, string? errorMessage = null)
    {
        if (!leg.IsLive)
        {
            return;
        }

        leg.CancelTimer();
        if (leg.Activity == SimulatedCallActivity.InConference)
        {
            Leave(leg, LeaveReason.HungUp);
        }

        if (leg.Child is { } child)
        {
            leg.Child = null;
            leg.ActiveDial = null;
            End(child, child.Status == SimulatedCallStatus.Answered ? DisconnectCause.Completed : DisconnectCause.Canceled);
        }

        leg.Status = SimulatedCallStatus.Ended;
        leg.Activity = SimulatedCallActivity.Idle;
        leg.Cause = cause;
        leg.Failure = failure;
        leg.ErrorMessage = errorMessage;
        leg.EndTime = _time.GetUtcNow();
        leg.Verbs.Clear();
        Emit(_dialect.Ended(leg));
        if (leg.Parent is { } parent && parent.IsLive && parent.Child == leg)
        {
            TransferFinished(parent, leg);
        }
    }

    // Timer callbacks run outside the lock and may be late: each checks it is still the leg's current timer.
    private void Schedule(CallLeg leg, TimeSpan delay, Action<CallLeg> action)
    {
        var generation = leg.ReplaceTimer();
        leg.Timer = _time.CreateTimer(_ => OnTimer(leg, generation, action), null, delay, Timeout.InfiniteTimeSpan);
    }

    private void OnTimer(CallLeg leg, int generation, Action<CallLeg> action)
    {
        lock (_gate)
        {
            if (_disposed || !leg.IsLive || leg.TimerGeneration != generation)
            {
                return;
            }

            leg.CancelTimer();
            try
            {
                action(leg);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Simulator failed to move call {CallId} on", leg.Id);
            }
        }
    }

    private void Emit(OutgoingCallback? callback)
    {
        if (callback is not null)
        {
            _delivery.Enqueue(callback);
        }
    }

    private CallLeg RequireCall(string callId)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _calls.TryGetValue(callId, out var leg) ? leg : throw NotFound($"call {callId}");
    }

    private CallLeg RequireAnswered(string callId)
    {
        var leg = RequireCall(callId);
        return leg.Status == SimulatedCallStatus.Answered
            ? leg
            : throw new ProviderException($"The simulator cannot redirect call {callId}: it is {leg.Status}.", HttpStatusCode.Conflict, isTransient: false);
    }

    private ConferenceRoom RequireConference(string conferenceId)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _conferences.TryGetValue(conferenceId, out var room) ? room : throw NotFound($"conference {conferenceId}");
    }

    private static ProviderException NotFound(string what) =>
        new($"The simulator has no {what}.", HttpStatusCode.NotFound, isTransient: false);
}
