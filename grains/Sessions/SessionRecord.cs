using Telephony.Catalog;
using Telephony.GrainInterfaces.Calls;
using Telephony.GrainInterfaces.Routing;
using Telephony.GrainInterfaces.Sessions;

namespace Telephony.Grains.Sessions;

/// <summary>
/// A session's stored state and the rules for changing it: who may act on it, what its members, holds and call
/// state become as the provider confirms its legs, and the log of what happened. It does no I/O: the session grain
/// sends provider commands, asks other grains, and stores the state this changed.
/// </summary>
internal sealed class SessionRecord(SessionState state, string sessionId, TimeProvider time)
{
    /// <summary>The session; null until it starts.</summary>
    public SessionInfo? Info => state.Session;

    /// <summary>The provider conference every voice leg of the session joins.</summary>
    public string Conference => CallKeys.ConferenceOfSession(sessionId);

    /// <summary>The legs we put on hold and have not taken off it, oldest first.</summary>
    public IReadOnlyList<string> HeldCallSids => state.HeldCallSids;

    private SessionInfo Session => state.Session ?? throw new InvalidOperationException($"Session {sessionId} has not started.");

    /// <summary>The answer for a session that does not exist in the caller's account.</summary>
    public static RoutingResult<SessionInfo> NotFound() => RoutingResult.NotFound<SessionInfo>("No such session in this account.");

    /// <summary>The answer when the session's state forbids the request.</summary>
    public static RoutingResult<SessionInfo> Conflict(SessionInfo session, string error) => RoutingResult.IllegalTransition(session, error);

    /// <summary>A member as first added: not yet on a call.</summary>
    public static SessionMemberInfo Member(string? identity, SessionMemberRoles role, string? displayName = null, bool original = false) => new()
    {
        Identity = identity,
        DisplayName = displayName ?? identity,
        IsOriginalMember = original,
        Role = role,
    };

    /// <summary>The member on call leg <paramref name="callSid"/>, if any.</summary>
    public static SessionMemberInfo? MemberOfCall(SessionInfo session, string callSid) => session.Members.FirstOrDefault(m => m.CallSid == callSid);

    /// <summary>Users are dialled as Twilio clients; numbers as they are.</summary>
    public static string DialString(string destination) => SessionAddress.IsUserId(destination) ? $"client:{destination}" : destination;

    /// <summary>Null when the caller may change the session; else the answer: not found for another account's, forbidden for a user not in it.</summary>
    public RoutingResult<SessionInfo>? Authorize(SessionCaller caller)
    {
        if (state.Session is not { } session || session.AccountId != caller.AccountId)
        {
            return NotFound();
        }

        var own = caller.IsAdmin || (caller.UserId is { } user
            && (string.Equals(session.CreatedBy, user, StringComparison.OrdinalIgnoreCase)
                || session.Members.Any(m => string.Equals(m.Identity, user, StringComparison.OrdinalIgnoreCase))));
        return own ? null : RoutingResult.Forbidden<SessionInfo>("A User key may only act on sessions it started or is a member of; use an Admin key.");
    }

    /// <summary>Null when the caller may act on the session's call, which is live and connected; else the answer.</summary>
    public RoutingResult<SessionInfo>? CheckVoiceCall(SessionCaller caller)
    {
        if (Authorize(caller) is { } refused)
        {
            return refused;
        }

        var session = Session;
        if (session.Channel != FlowChannels.Voice)
        {
            return Conflict(session, "A chat session has no call: invite chat members instead.");
        }

        if (session.Ended)
        {
            return Conflict(session, "The session has ended.");
        }

        return session.CallSid is { } callSid && state.LegStatuses.GetValueOrDefault(callSid) == CallLegStatus.Answered
            ? null
            : Conflict(session, "The session's call is not connected.");
    }

    /// <summary>Null when the caller may change the members of the session, a live chat; else the answer.</summary>
    public RoutingResult<SessionInfo>? CheckChat(SessionCaller caller)
    {
        if (Authorize(caller) is { } refused)
        {
            return refused;
        }

        var session = Session;
        if (session.Channel != FlowChannels.Chat)
        {
            return Conflict(session, "A voice session has no chat members: add conference members instead.");
        }

        return session.Ended ? Conflict(session, "The session has ended.") : null;
    }

    /// <summary>Null when the participant on <paramref name="callSid"/> can be held now; else the answer.</summary>
    public RoutingResult<SessionInfo>? CheckHold(string? callSid)
    {
        var session = Session;
        if (session.Channel != FlowChannels.Voice)
        {
            return Conflict(session, "A chat cannot be held.");
        }

        if (callSid is null || MemberOfCall(session, callSid) is not { } member)
        {
            return RoutingResult.Invalid<SessionInfo>($"'callSid': call {callSid} is not a leg of this session.", session);
        }

        if (state.HeldCallSids.Contains(callSid))
        {
            return Conflict(session, $"{member.Identity} is already on hold.");
        }

        return member.CallState == SessionMemberCallState.Connected && session.ConferenceSid is not null
            ? null
            : Conflict(session, $"{member.Identity} is not connected, so it cannot be held.");
    }

    /// <summary>Null when a worker of the session's account can be dialled into its live call; else the answer.</summary>
    public RoutingResult<SessionInfo>? CheckAgentConnection(AgentConnection connection)
    {
        if (state.Session is not { } session || session.AccountId != connection.AccountId)
        {
            return NotFound();
        }

        if (session.Ended || session.Channel != FlowChannels.Voice)
        {
            return Conflict(session, session.Ended ? "The session has ended." : "A chat has no call to connect an agent to.");
        }

        return session.Members.Any(m => m.Identity == connection.WorkerSid && m.CallState != SessionMemberCallState.None)
            ? Conflict(session, $"Worker {connection.WorkerSid} is already in the call.")
            : null;
    }

    /// <summary>Null when the leg of a reservation's worker can be held or muted; else the answer.</summary>
    public RoutingResult<SessionInfo>? CheckParticipantUpdate(ParticipantUpdate update)
    {
        if (state.Session is not { } session || session.AccountId != update.AccountId)
        {
            return NotFound();
        }

        if (session.Ended)
        {
            return Conflict(session, "The session has ended.");
        }

        return MemberOfCall(session, update.CallSid) is null
            ? RoutingResult.Invalid<SessionInfo>($"Call {update.CallSid} is not a leg of this session.", session)
            : null;
    }

    /// <summary>Records that the provider muted or unmuted <paramref name="member"/>'s leg.</summary>
    public void MarkMuted(SessionMemberInfo member, bool muted)
    {
        Change(s => s with { Members = [.. s.Members.Select(m => m.CallSid == member.CallSid ? m with { Muted = muted } : m)] });
        Log(muted ? $"{member.Identity} is muted" : $"{member.Identity} is unmuted");
    }

    /// <summary>
    /// What routing should do for the session now: an incoming call on an account that routes calls becomes a task
    /// once, and a session that ends before an agent took it cancels its task.
    /// </summary>
    public TaskStep NextTaskStep(bool accountRoutesCalls)
    {
        var session = Session;
        if (session.Direction != SessionDirections.Incoming || !accountRoutesCalls)
        {
            return TaskStep.None;
        }

        return state.Task is null && !session.Ended ? TaskStep.Queue
            : state.Task is { Canceled: false } && session.Ended && !state.Answered ? TaskStep.Cancel
            : TaskStep.None;
    }

    /// <summary>The attributes of the task an incoming call becomes (TaskRouter's JSON object).</summary>
    public string TaskAttributes() => new System.Text.Json.Nodes.JsonObject
    {
        ["type"] = "inbound_call",
        ["from"] = Session.FromAddress,
        ["to"] = Session.ToAddress,
        ["call_sid"] = Session.CallSid,
        ["session_id"] = sessionId,
    }.ToJsonString();

    /// <summary>Records the task the call became in <paramref name="queueSid"/>.</summary>
    public void Queued(string workspaceSid, string queueSid, string taskSid)
    {
        state.Task = new SessionTask(workspaceSid, taskSid, Canceled: false);
        Change(s => s with { QueueState = SessionQueueStates.Queued, RingQueueId = queueSid });
        Log($"Queued for an agent (task {taskSid})");
    }

    /// <summary>Records that the call could not become a task; it is not tried again.</summary>
    public void NotQueued(string workspaceSid, string? reason)
    {
        state.Task = new SessionTask(workspaceSid, string.Empty, Canceled: true);
        Log($"Not queued: {reason}");
    }

    /// <summary>Records that the session is done with its task: canceled, or refused by the task for <paramref name="refusal"/>.</summary>
    public void TaskCanceled(bool canceled, string? refusal)
    {
        state.Task = state.Task! with { Canceled = true };
        Log(canceled ? "Task canceled: the caller hung up" : $"Task not canceled: {refusal}");
    }

    /// <summary>Whether the leg is on hold by us.</summary>
    public bool IsHeld(string callSid) => state.HeldCallSids.Contains(callSid);

    /// <summary>The leg's status as last reported by its grain.</summary>
    public CallLegStatus LegStatus(string callSid) => state.LegStatuses.GetValueOrDefault(callSid);

    /// <summary>Whether the leg was last reported in the session's conference.</summary>
    public bool InConference(string callSid) => state.ConferencedCallSids.Contains(callSid);

    /// <summary>Starts an outgoing call or chat placed by <paramref name="caller"/>.</summary>
    public void StartOutgoing(SessionCaller caller, FlowChannels channel, string destination, string? callerId)
    {
        var now = time.GetUtcNow();
        var voice = channel == FlowChannels.Voice;
        state.Session = new SessionInfo
        {
            Id = sessionId,
            DateCreated = now,
            DateLastModified = now,
            CreatedBy = caller.UserId,
            LastModifiedBy = caller.UserId,
            AccountId = caller.AccountId,
            DialState = SessionDialState.Active,
            CallState = voice ? SessionCallState.Ringing : SessionCallState.Passive,
            Channel = channel,
            Direction = SessionDirections.Outgoing,
            Destination = destination,
            ToAddress = destination,
            FromAddress = callerId,
            DisplayName = destination,
        };
        Log(voice ? $"Outgoing call to {destination} from {callerId}" : $"Chat started with {destination}", caller);
    }

    /// <summary>Starts the session of an inbound call from its first leg report.</summary>
    public void StartIncoming(CallLeg leg)
    {
        var now = time.GetUtcNow();
        var caller = Member(leg.From, SessionMemberRoles.Caller, original: true) with { CallState = SessionMemberCallState.Ringing, CallSid = leg.CallId };
        state.Session = new SessionInfo
        {
            Id = sessionId,
            DateCreated = now,
            DateLastModified = now,
            AccountId = leg.AccountId,
            DialState = SessionDialState.Active,
            CallState = SessionCallState.Ringing,
            Channel = FlowChannels.Voice,
            Direction = SessionDirections.Incoming,
            Destination = leg.To,
            ToAddress = leg.To,
            FromAddress = leg.From,
            FromName = leg.From,
            DisplayName = leg.From,
            CallSid = leg.CallId,
            CallbackNumber = leg.From,
            Members = [caller],
        };
        Log($"Incoming call from {leg.From} to {leg.To}");
    }

    /// <summary>Changes the session, stamping who changed it and when.</summary>
    public void Change(Func<SessionInfo, SessionInfo> change, SessionCaller? caller = null)
    {
        state.Session = change(Session) with
        {
            DateLastModified = time.GetUtcNow(),
            LastModifiedBy = caller?.UserId ?? Session.LastModifiedBy,
        };
    }

    /// <summary>
    /// Most lines a session's log keeps, the oldest leaving first: a line takes about 100 bytes, so even the longest
    /// session's state stays far below Azure Table storage's limit of about 700 KB a grain state.
    /// </summary>
    public const int MaxLogLines = 1000;

    /// <summary>Adds a line to the session's log, dropping its oldest once it holds <see cref="MaxLogLines"/>.</summary>
    public void Log(string message, SessionCaller? caller = null) =>
        Change(s => s with { Log = [.. s.Log.Skip(s.Log.Count + 1 - MaxLogLines), new SessionLogInfo { Date = time.GetUtcNow(), Message = message }] }, caller);

    /// <summary>The id of the session's next provider command: stable across retries, unique per session.</summary>
    public string NextCommandId() => $"{sessionId}-{++state.CommandCount}";

    /// <summary>Adds a member whose leg the provider just dialled, ringing until the leg reports the answer.</summary>
    public SessionMemberInfo AddDialedMember(SessionMemberInfo member, CommandResult dialed)
    {
        var added = member with { CallState = SessionMemberCallState.Ringing, CallSid = dialed.CallId };
        Change(s => s with { ConferenceSid = s.ConferenceSid ?? dialed.ConferenceId, Members = [.. s.Members, added] });
        return added;
    }

    /// <summary>Records that the provider holds <paramref name="callSid"/>.</summary>
    public void MarkHeld(string callSid, SessionHoldReasons reason, SessionCaller? caller)
    {
        var who = MemberOfCall(Session, callSid)?.Identity ?? callSid;
        state.HeldCallSids.Add(callSid);
        Change(s => s with
        {
            HoldReason = reason,
            HeldByUserId = caller?.UserId ?? s.LastModifiedBy,
            HoldQueueName = Conference,
            Members = [.. s.Members.Select(m => m.CallSid == callSid ? m with { CallState = SessionMemberCallState.Hold } : m)],
        }, caller);
        UpdateCallState();
        Log(reason == SessionHoldReasons.None ? $"{who} put on hold" : $"{who} put on hold ({reason})", caller);
    }

    /// <summary>Records that the provider no longer holds <paramref name="callSid"/>.</summary>
    public void MarkUnheld(string callSid, SessionCaller? caller)
    {
        var who = MemberOfCall(Session, callSid)?.Identity ?? callSid;
        state.HeldCallSids.Remove(callSid);
        var stillHeld = state.HeldCallSids.Count > 0;
        Change(s => s with
        {
            HoldReason = stillHeld ? s.HoldReason : SessionHoldReasons.None,
            HeldByUserId = stillHeld ? s.HeldByUserId : null,
            HoldQueueName = stillHeld ? s.HoldQueueName : null,
            Members = [.. s.Members.Select(m => m.CallSid == callSid && m.CallState == SessionMemberCallState.Hold ? m with { CallState = SessionMemberCallState.Connected } : m)],
        }, caller);
        UpdateCallState();
        Log($"{who} taken off hold", caller);
    }

    /// <summary>Records the blind transfer of the session's call (leg <paramref name="callSid"/>) to <paramref name="destination"/>.</summary>
    public void Transferred(string callSid, string destination, SessionCaller caller)
    {
        state.HeldCallSids.Remove(callSid);
        Change(s => s with { HoldReason = SessionHoldReasons.None, HeldByUserId = null, HoldQueueName = null }, caller);
        Log($"Call transferred to {destination}", caller);
    }

    /// <summary>Records that a conference member was taken out of the call by our command.</summary>
    public void MemberRemoved(SessionMemberInfo member, SessionCaller caller)
    {
        state.HeldCallSids.Remove(member.CallSid!);
        Log($"Conference member {member.Identity} removed", caller);
    }

    /// <summary>Ends the session with <paramref name="outcome"/>.</summary>
    public void Finish(string outcome, string message, SessionCaller? caller)
    {
        state.HeldCallSids.Clear();
        var missed = !state.Answered;
        Change(s => s with
        {
            Ended = true,
            DialState = SessionDialState.None,
            CallState = SessionCallState.Disconnected,
            QueueState = s.QueueState == SessionQueueStates.None ? s.QueueState : SessionQueueStates.Disconnected,
            HoldReason = SessionHoldReasons.None,
            HeldByUserId = null,
            HoldQueueName = null,
            DateCompleted = time.GetUtcNow(),
            Outcome = outcome,
            WasMissed = s.Channel == FlowChannels.Voice && missed,
        }, caller);
        Log(message, caller);
    }

    /// <summary>The legs that may still be up: reported and not disconnected, or dialled and not reported yet.</summary>
    public IReadOnlyList<string> LiveLegs() =>
        [.. state.LegStatuses.Where(l => l.Value != CallLegStatus.Disconnected).Select(l => l.Key)
            .Concat(Session.Members.Where(m => m.CallSid is not null && !state.LegStatuses.ContainsKey(m.CallSid)).Select(m => m.CallSid!))];

    /// <summary>
    /// Takes in a leg's state as its grain reports it: an update no newer than one already taken, or about a leg that
    /// is not the session's, changes nothing; an inbound leg's first report starts the session.
    /// </summary>
    public LegUpdateOutcome TakeLegUpdate(CallLegUpdate update)
    {
        var leg = update.Leg;
        if (leg.CallId is not { } callId || Holds(callId, update))
        {
            return LegUpdateOutcome.AlreadyTaken;
        }

        if (state.Session is null)
        {
            if (leg.Direction != CallDirection.Inbound || leg.AccountId is null)
            {
                return LegUpdateOutcome.NotOurs;
            }

            StartIncoming(leg);
        }
        else if (MemberOfCall(state.Session, callId) is null)
        {
            return LegUpdateOutcome.NotOurs;
        }

        state.LegVersions[callId] = update.Version;
        if (update.EventId is { } eventId)
        {
            state.LegEvents[callId] = eventId;
        }
        else
        {
            state.LegEvents.Remove(callId);
        }

        Follow(leg);
        return LegUpdateOutcome.Taken;
    }

    /// <summary>
    /// Records what became of a command a crash interrupted: one that is safe to repeat was sent again
    /// (<paramref name="resent"/>; its effect is recorded now, the others' arrive with their legs' callbacks), one
    /// that is not is reported and, for the session's own dial, ends the session.
    /// </summary>
    public void Recover(CallCommand command, bool resent)
    {
        if (!resent)
        {
            Log($"{Describe(command)} may not have reached the provider (interrupted by a restart).");
            if (command is DialCommand && Session.CallSid is null)
            {
                Finish("Failed", "The session's call was not placed.", caller: null);
            }

            return;
        }

        switch (command)
        {
            case UpdateParticipantCommand { Hold: true } hold when !state.HeldCallSids.Contains(hold.CallId):
                MarkHeld(hold.CallId, SessionHoldReasons.None, caller: null);
                break;
            case UpdateParticipantCommand { Hold: false } unhold when state.HeldCallSids.Contains(unhold.CallId):
                MarkUnheld(unhold.CallId, caller: null);
                break;
            default:
                Log($"{Describe(command)} resent after a restart");
                break;
        }
    }

    /// <summary>How the session's log names a provider command.</summary>
    public static string Describe(CallCommand command) => command switch
    {
        DialCommand dial => $"The call to {dial.To}",
        HangupCommand hangup => $"Hanging up {hangup.CallId}",
        RedirectCommand redirect => $"The transfer to {redirect.Destination}",
        RedirectToUrlCommand redirect => $"Moving {redirect.CallId} to {redirect.Url}",
        UpdateParticipantCommand update => $"Changing hold of {update.CallId}",
        SendMessageCommand message => $"The text message to {message.To}",
        _ => command.GetType().Name,
    };

    /// <summary>Catches up on a leg the session just dialled and attached: what its callbacks said before the session knew it.</summary>
    public void CatchUp(string callSid, CallLegUpdate? attached)
    {
        if (attached is null)
        {
            return;
        }

        state.LegVersions[callSid] = attached.Version;
        state.LegEvents.Remove(callSid);
        if (attached.Leg.Status != CallLegStatus.None)
        {
            Follow(attached.Leg with { CallId = callSid });
        }
    }

    /// <summary>The users <paramref name="session"/> belongs to: who started it and its agents or user members.</summary>
    public static List<string> UsersOf(SessionInfo session) =>
        [.. session.Members
            .Where(m => m.Role == SessionMemberRoles.Agent || SessionAddress.IsUserId(m.Identity))
            .Select(m => m.Identity)
            .Prepend(session.CreatedBy)
            .OfType<string>()
            .Distinct()];

    /// <summary>The session as the catalog keeps it, at its stored version, with <paramref name="document"/> (the session as JSON).</summary>
    public SessionEntry CatalogEntry(byte[] document)
    {
        var session = Session;
        var users = UsersOf(session);
        return new SessionEntry(
            session.AccountId!, sessionId, state.Version, session.DateCreated!.Value, session.Ended, session.Channel.ToString(), session.FromAddress, session.ToAddress, users, document);
    }

    /// <summary>
    /// Whether the session already holds <paramref name="update"/> or a newer version of its leg. The same version made by
    /// another event is not held: the leg made it again after its own write failed, from a later event.
    /// </summary>
    private bool Holds(string callId, CallLegUpdate update) =>
        state.LegVersions.TryGetValue(callId, out var seen)
        && (seen > update.Version || (seen == update.Version && (update.EventId is null || state.LegEvents.GetValueOrDefault(callId) == update.EventId)));

    /// <summary>Brings the leg's member, the conference and the session's call state in line with <paramref name="leg"/>.</summary>
    private void Follow(CallLeg leg)
    {
        var callId = leg.CallId!;
        var session = Session;
        var member = MemberOfCall(session, callId)!;

        // A caller answered by our own instructions gets no "answered" callback from every provider; being in the
        // conference says the same.
        var status = leg.ConferenceName is not null && leg.Status is CallLegStatus.Initiated or CallLegStatus.Ringing ? CallLegStatus.Answered : leg.Status;
        state.LegStatuses[callId] = status;
        if (status == CallLegStatus.Disconnected)
        {
            state.HeldCallSids.Remove(callId);
        }

        // An answered leg joins the conference a moment later (once the provider has run our instructions).
        state.ConferencedCallSids.Remove(callId);
        if (status != CallLegStatus.Disconnected && leg.ConferenceName == Conference)
        {
            state.ConferencedCallSids.Add(callId);
        }

        var callState = status switch
        {
            CallLegStatus.Answered when state.HeldCallSids.Contains(callId) => SessionMemberCallState.Hold,
            CallLegStatus.Answered => SessionMemberCallState.Connected,
            CallLegStatus.Disconnected => SessionMemberCallState.None,
            _ => SessionMemberCallState.Ringing,
        };
        if (callState != member.CallState || leg.Muted != member.Muted)
        {
            LogMemberChange(member, callState, leg);
            var updated = member with { CallState = callState, Muted = leg.Muted };
            Change(s => s with { Members = [.. s.Members.Select(m => m.CallSid == callId ? updated : m)] });
            if (callState == SessionMemberCallState.Connected && TakesTheCall(session, updated))
            {
                state.Answered = true;
                Change(s => s with
                {
                    AnsweredById = s.Direction == SessionDirections.Incoming ? updated.Identity : s.AnsweredById,
                    AnsweredByName = updated.DisplayName,
                    QueueState = s.QueueState == SessionQueueStates.Queued ? SessionQueueStates.Connected : s.QueueState,
                });
            }
        }

        if (leg.ConferenceId is { } conferenceId && session.ConferenceSid is null && leg.ConferenceName == Conference)
        {
            Change(s => s with { ConferenceSid = conferenceId });
        }

        if (!Session.Ended && state.LegStatuses.Count > 0 && state.LegStatuses.Values.All(s => s == CallLegStatus.Disconnected)
            && Session.Members.Where(m => m.CallSid is not null).All(m => state.LegStatuses.ContainsKey(m.CallSid!)))
        {
            var main = session.CallSid == callId ? leg : null;
            var outcome = (main?.Cause ?? leg.Cause ?? DisconnectCause.Completed).ToString();
            Finish(outcome, $"Call ended ({outcome})", caller: null);
            return;
        }

        UpdateCallState();
    }

    private void LogMemberChange(SessionMemberInfo member, SessionMemberCallState callState, CallLeg leg)
    {
        var who = member.DisplayName ?? member.Identity ?? member.CallSid;
        if (callState != member.CallState)
        {
            Log(callState switch
            {
                SessionMemberCallState.Ringing => $"{who} is ringing",
                SessionMemberCallState.Connected when member.CallState == SessionMemberCallState.Hold => $"{who} is off hold",
                SessionMemberCallState.Connected => $"{who} connected",
                SessionMemberCallState.Hold => $"{who} is on hold",
                _ => leg.Cause is { } cause and not DisconnectCause.Completed ? $"{who} hung up ({cause})" : $"{who} hung up",
            });
        }

        if (leg.Muted != member.Muted)
        {
            Log(leg.Muted ? $"{who} is muted" : $"{who} is unmuted");
        }
    }

    /// <summary>Whether <paramref name="member"/> connecting means the call was answered.</summary>
    private static bool TakesTheCall(SessionInfo session, SessionMemberInfo member) =>
        session.Direction == SessionDirections.Outgoing ? member.IsOriginalMember : member.Role != SessionMemberRoles.Caller;

    /// <summary>Sets the session's call state from its members and holds, touching nothing when it is already right.</summary>
    private void UpdateCallState()
    {
        var session = Session;
        var callState = session.Ended ? SessionCallState.Disconnected
            : session.Channel != FlowChannels.Voice ? SessionCallState.Passive
            : state.HeldCallSids.Count > 0 ? SessionCallState.Hold
            : state.Answered && session.Members.Any(m => m.CallState == SessionMemberCallState.Connected) ? SessionCallState.Connected
            : SessionCallState.Ringing;
        if (callState != session.CallState)
        {
            Change(s => s with { CallState = callState });
        }
    }
}
