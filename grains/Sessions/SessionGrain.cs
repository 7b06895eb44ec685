using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Telephony.GrainInterfaces.Calls;
using Telephony.GrainInterfaces.Routing;
using Telephony.GrainInterfaces.Sessions;
using Telephony.Providers.Accounts;

namespace Telephony.Grains.Sessions;

/// <summary>
/// One session. Checks come first and change nothing; a provider command is recorded in state before it is
/// sent and removed when the provider answers (a command left over by a crash is resent on reactivation when
/// that is safe, else reported in the log). Members' call states follow what the provider confirms through
/// the legs' grains; holds are ours to decide, so a held leg stays held until we unhold it.
/// </summary>
[GrainType("session")]
public sealed partial class SessionGrain(
    [PersistentState("session")] IPersistentState<SessionState> state,
    AccountRegistry accounts,
    TimeProvider timeProvider,
    ILogger<SessionGrain> logger) : Grain, ISessionGrain
{
    private SessionInfo? Session => state.State.Session;

    private string GrainKey => field ??= this.GetPrimaryKeyString();

    /// <inheritdoc />
    public Task<RoutingResult<SessionInfo>> Get(string accountId) =>
        Task.FromResult(Session is { } session && session.AccountId == accountId ? RoutingResult.Success(session) : NotFound());

    /// <inheritdoc />
    public async Task<RoutingResult<SessionInfo>> Start(SessionCaller caller, NewSession request)
    {
        if (Session is { } existing)
        {
            return existing.AccountId == caller.AccountId ? Conflict(existing, "The session has already started.") : NotFound();
        }

        if (accounts.Find(caller.AccountId) is not { } account)
        {
            return RoutingResult.Invalid<SessionInfo>($"Account '{caller.AccountId}' is not configured.");
        }

        var destination = request.Destination!;
        var callerId = request.CallerId ?? account.DefaultCallerId;
        var voice = request.Channel == FlowChannels.Voice;
        if (callerId is null && (voice || E164.IsValid(destination)))
        {
            return RoutingResult.Invalid<SessionInfo>("'callerId' is required: the account has no default caller id (Telephony:Accounts:N:CallerId).");
        }

        var now = timeProvider.GetUtcNow();
        state.State.Session = new SessionInfo
        {
            Id = GrainKey,
            DateCreated = now,
            DateLastModified = now,
            CreatedBy = caller.UserId,
            LastModifiedBy = caller.UserId,
            AccountId = caller.AccountId,
            DialState = SessionDialState.Active,
            CallState = voice ? SessionCallState.Ringing : SessionCallState.Passive,
            Channel = request.Channel,
            Direction = SessionDirections.Outgoing,
            Destination = destination,
            ToAddress = destination,
            FromAddress = callerId,
            DisplayName = destination,
        };
        Log(voice ? $"Outgoing call to {destination} from {callerId}" : $"Chat started with {destination}", caller);
        if (!voice)
        {
            return await InviteAsync(caller, destination, callerId, original: true);
        }

        var role = SessionAddress.IsUserId(destination) ? SessionMemberRoles.Agent : SessionMemberRoles.Caller;
        var (member, refusal) = await DialMemberAsync(callerId!, DialString(destination), Member(destination, role, original: true));
        if (member is null)
        {
            return await EndAsync(caller, "Failed", $"The call to {destination} failed: {refusal}");
        }

        Change(s => s with { CallSid = member.CallSid }, caller);
        return await AttachAsync(member.CallSid!);
    }

    /// <inheritdoc />
    public async Task<RoutingResult<SessionInfo>> Patch(SessionCaller caller, PatchSession request)
    {
        if (Authorize(caller, out var session) is { } refused)
        {
            return refused;
        }

        if (request.CallState is { } callState && callState is not (SessionCallState.Hold or SessionCallState.Connected))
        {
            return RoutingResult.Invalid<SessionInfo>("'callState' can only be set to Hold or Connected (hold or unhold the call).", session);
        }

        var hold = request.CallState == SessionCallState.Hold && state.State.HeldCallSids.Count == 0;
        var unhold = request.CallState == SessionCallState.Connected && state.State.HeldCallSids.Count > 0;
        if ((hold || unhold) && session.Ended)
        {
            return Conflict(session, "The session has ended.");
        }

        if (hold)
        {
            var held = await HoldAsync(caller, session.CallSid, request.HoldReason ?? SessionHoldReasons.None);
            if (!held.IsSuccess)
            {
                return held;
            }
        }

        if (unhold)
        {
            foreach (var callSid in state.State.HeldCallSids.ToList())
            {
                var released = await UnholdAsync(caller, callSid);
                if (!released.IsSuccess)
                {
                    return released;
                }
            }
        }

        if (request.ConsoleData is null && request.QueueState is null && (request.HoldReason is null || hold))
        {
            return RoutingResult.Success(Session!);
        }

        Change(s => s with
        {
            ConsoleData = request.ConsoleData ?? s.ConsoleData,
            QueueState = request.QueueState ?? s.QueueState,
            HoldReason = request.HoldReason is { } reason && s.CallState == SessionCallState.Hold ? reason : s.HoldReason,
        }, caller);
        if (request.QueueState is { } queueState)
        {
            Log($"Queue state set to {queueState}", caller);
        }

        await SaveAsync();
        return RoutingResult.Success(Session!);
    }

    /// <inheritdoc />
    public async Task<RoutingResult<SessionInfo>> End(SessionCaller caller, EndSession request)
    {
        if (Authorize(caller, out var session) is { } refused)
        {
            return refused;
        }

        if (session.Ended)
        {
            return Conflict(session, "The session has already ended.");
        }

        if (request.CallSid is { } callSid && MemberOfCall(session, callSid) is null)
        {
            return RoutingResult.Invalid<SessionInfo>($"'callSid': call {callSid} is not a leg of this session.", session);
        }

        foreach (var leg in LiveLegs())
        {
            var hungUp = await SendAsync(new HangupCommand { CommandId = NextCommandId(), CallId = leg });
            if (hungUp.Refusal is { } refusal)
            {
                // The leg is already gone at the provider; its callbacks will say so.
                SessionLog.HangupRefused(logger, GrainKey, leg, refusal);
            }
        }

        await EndAsync(caller, "Ended", "Session ended");
        await QueueOrCancelTaskAsync();
        return RoutingResult.Success(Session!);
    }

    /// <inheritdoc />
    public async Task<RoutingResult<SessionInfo>> Hold(SessionCaller caller, HoldSession request)
    {
        if (Authorize(caller, out var session) is { } refused)
        {
            return refused;
        }

        return session.Ended ? Conflict(session, "The session has ended.") : await HoldAsync(caller, request.CallSid ?? session.CallSid, request.Reason);
    }

    /// <inheritdoc />
    public async Task<RoutingResult<SessionInfo>> Unhold(SessionCaller caller, UnholdSession request)
    {
        if (Authorize(caller, out var session) is { } refused)
        {
            return refused;
        }

        if (session.Ended)
        {
            return Conflict(session, "The session has ended.");
        }

        var target = request.CallSid ?? (state.State.HeldCallSids.Count == 1 ? state.State.HeldCallSids[0] : session.CallSid);
        return await UnholdAsync(caller, target);
    }

    /// <inheritdoc />
    public async Task<RoutingResult<SessionInfo>> Redirect(SessionCaller caller, RedirectSession request)
    {
        if (VoiceCallCheck(caller, out var session) is { } failed)
        {
            return failed;
        }

        if (!E164.IsValid(request.Destination) && !SessionAddress.IsUserId(request.Destination))
        {
            return RoutingResult.Invalid<SessionInfo>("'destination' must be a phone number or a user id.", session);
        }

        var callSid = session.CallSid!;
        var redirect = new RedirectCommand { CommandId = NextCommandId(), CallId = callSid, Destination = DialString(request.Destination!), CallerId = request.CallerId ?? session.FromAddress };
        var sent = await SendAsync(redirect);
        if (sent.Refusal is { } refusal)
        {
            return await RefusedAsync(session, $"The transfer to {request.Destination} failed: {refusal}");
        }

        state.State.HeldCallSids.Remove(callSid);
        Change(s => s with { HoldReason = SessionHoldReasons.None, HeldByUserId = null, HoldQueueName = null }, caller);
        Log($"Call transferred to {request.Destination}", caller);
        await SaveAsync();
        return RoutingResult.Success(Session!);
    }

    /// <inheritdoc />
    public async Task<RoutingResult<SessionInfo>> AddConferenceMember(SessionCaller caller, AddConferenceMember request)
    {
        if (VoiceCallCheck(caller, out var session) is { } failed)
        {
            return failed;
        }

        var destination = request.Destination!;
        if (session.Members.Any(m => m.Identity == destination && m.CallState != SessionMemberCallState.None))
        {
            return Conflict(session, $"{destination} is already in the call.");
        }

        if (session.ConferenceSid is null)
        {
            // A two-party call becomes a conference first: its leg moves into the session's conference.
            var move = await SendAsync(new MoveToConferenceCommand { CommandId = NextCommandId(), CallId = request.CallSid ?? session.CallSid!, ConferenceName = Conference });
            if (move.Refusal is { } moveRefusal)
            {
                return await RefusedAsync(session, $"The call could not become a conference: {moveRefusal}");
            }

            Log("Call turned into a conference", caller);
        }

        var from = request.FromNumber ?? session.FromAddress ?? accounts.Find(session.AccountId!)?.DefaultCallerId;
        if (from is null)
        {
            return RoutingResult.Invalid<SessionInfo>("'fromNumber' is required: the session and account have no caller id.", session);
        }

        var role = SessionAddress.IsUserId(destination) ? SessionMemberRoles.Agent : SessionMemberRoles.Transfer;
        var (member, refusal) = await DialMemberAsync(from, DialString(destination), Member(destination, role));
        if (member is null)
        {
            return await RefusedAsync(session, $"The call to {destination} failed: {refusal}");
        }

        Change(s => s with { MostRecentParticipantCallSid = member.CallSid }, caller);
        Log($"Conference member {destination} dialled", caller);
        return await AttachAsync(member.CallSid!);
    }

    /// <inheritdoc />
    public async Task<RoutingResult<SessionInfo>> RemoveConferenceMember(SessionCaller caller, RemoveConferenceMember request)
    {
        if (VoiceCallCheck(caller, out var session) is { } failed)
        {
            return failed;
        }

        if (MemberOfCall(session, request.CallSid!) is not { } member || member.IsOriginalMember)
        {
            return RoutingResult.NotFound<SessionInfo>($"Call {request.CallSid} is not a conference member added to this session.");
        }

        if (state.State.LegStatuses.GetValueOrDefault(member.CallSid!) == CallLegStatus.Disconnected)
        {
            return Conflict(session, $"{member.Identity} has already left the call.");
        }

        CallCommand remove = session.ConferenceSid is { } conferenceId && member.CallState is SessionMemberCallState.Connected or SessionMemberCallState.Hold
            ? new RemoveParticipantCommand { CommandId = NextCommandId(), ConferenceId = conferenceId, CallId = member.CallSid! }
            : new HangupCommand { CommandId = NextCommandId(), CallId = member.CallSid! };
        var sent = await SendAsync(remove);
        if (sent.Refusal is { } refusal)
        {
            return await RefusedAsync(session, $"{member.Identity} could not be removed: {refusal}");
        }

        state.State.HeldCallSids.Remove(member.CallSid!);
        Log($"Conference member {member.Identity} removed", caller);
        await SaveAsync();
        return RoutingResult.Success(Session!);
    }

    /// <inheritdoc />
    public async Task<RoutingResult<SessionInfo>> InviteChatMember(SessionCaller caller, InviteChatMember request)
    {
        if (ChatCheck(caller, out var session) is { } failed)
        {
            return failed;
        }

        if (session.Members.Any(m => m.Identity == request.MemberToAdd))
        {
            return Conflict(session, $"{request.MemberToAdd} is already a member.");
        }

        var callerId = request.CallerId ?? session.FromAddress ?? accounts.Find(session.AccountId!)?.DefaultCallerId;
        if (callerId is null && E164.IsValid(request.MemberToAdd))
        {
            return RoutingResult.Invalid<SessionInfo>("'callerId' is required: the session and account have no number to text from.", session);
        }

        return await InviteAsync(caller, request.MemberToAdd!, callerId, original: false);
    }

    /// <inheritdoc />
    public async Task<RoutingResult<SessionInfo>> RemoveChatMember(SessionCaller caller, DeleteChatMember request)
    {
        if (ChatCheck(caller, out var session) is { } failed)
        {
            return failed;
        }

        if (!session.Members.Any(m => m.Identity == request.MemberToRemove))
        {
            return RoutingResult.NotFound<SessionInfo>($"{request.MemberToRemove} is not a member of this session.");
        }

        Change(s => s with { Members = [.. s.Members.Where(m => m.Identity != request.MemberToRemove)] }, caller);
        Log($"{request.MemberToRemove} removed from the chat", caller);
        await SaveAsync();
        return RoutingResult.Success(Session!);
    }

    private async Task<RoutingResult<SessionInfo>> HoldAsync(SessionCaller? caller, string? callSid, SessionHoldReasons reason)
    {
        var session = Session!;
        if (session.Channel != FlowChannels.Voice)
        {
            return Conflict(session, "A chat cannot be held.");
        }

        if (callSid is null || MemberOfCall(session, callSid) is not { } member)
        {
            return RoutingResult.Invalid<SessionInfo>($"'callSid': call {callSid} is not a leg of this session.", session);
        }

        if (state.State.HeldCallSids.Contains(callSid))
        {
            return Conflict(session, $"{member.Identity} is already on hold.");
        }

        if (member.CallState != SessionMemberCallState.Connected || session.ConferenceSid is not { } conferenceId)
        {
            return Conflict(session, $"{member.Identity} is not connected, so it cannot be held.");
        }

        var sent = await SendAsync(new UpdateParticipantCommand { CommandId = NextCommandId(), ConferenceId = conferenceId, CallId = callSid, Hold = true });
        if (sent.Refusal is { } refusal)
        {
            return await RefusedAsync(session, $"{member.Identity} could not be held: {refusal}");
        }

        MarkHeld(callSid, reason, caller);
        await SaveAsync();
        return RoutingResult.Success(Session!);
    }

    private async Task<RoutingResult<SessionInfo>> UnholdAsync(SessionCaller? caller, string? callSid)
    {
        var session = Session!;
        if (callSid is null || !state.State.HeldCallSids.Contains(callSid))
        {
            return Conflict(session, "That call is not on hold.");
        }

        var member = MemberOfCall(session, callSid)!;
        var sent = await SendAsync(new UpdateParticipantCommand { CommandId = NextCommandId(), ConferenceId = session.ConferenceSid!, CallId = callSid, Hold = false });
        if (sent.Refusal is { } refusal)
        {
            return await RefusedAsync(session, $"{member.Identity} could not be taken off hold: {refusal}");
        }

        MarkUnheld(callSid, caller);
        await SaveAsync();
        return RoutingResult.Success(Session!);
    }

    /// <summary>Records that the provider holds <paramref name="callSid"/>.</summary>
    private void MarkHeld(string callSid, SessionHoldReasons reason, SessionCaller? caller)
    {
        var who = MemberOfCall(Session!, callSid)?.Identity ?? callSid;
        state.State.HeldCallSids.Add(callSid);
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
    private void MarkUnheld(string callSid, SessionCaller? caller)
    {
        var who = MemberOfCall(Session!, callSid)?.Identity ?? callSid;
        state.State.HeldCallSids.Remove(callSid);
        var stillHeld = state.State.HeldCallSids.Count > 0;
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

    private async Task<RoutingResult<SessionInfo>> InviteAsync(SessionCaller caller, string memberToAdd, string? callerId, bool original)
    {
        var byText = E164.IsValid(memberToAdd);
        if (byText)
        {
            var text = new SendMessageCommand
            {
                CommandId = NextCommandId(),
                From = callerId!,
                To = memberToAdd,
                Text = $"You are invited to a chat (session {GrainKey}).",
            };
            var sent = await SendAsync(text);
            if (sent.Refusal is { } refusal)
            {
                return original
                    ? await EndAsync(caller, "Failed", $"The invitation to {memberToAdd} failed: {refusal}")
                    : await RefusedAsync(Session!, $"The invitation to {memberToAdd} failed: {refusal}");
            }
        }

        var member = Member(memberToAdd, byText ? SessionMemberRoles.Caller : SessionMemberRoles.Agent, original: original);
        Change(s => s with { Members = [.. s.Members, member] }, caller);
        Log(byText ? $"{memberToAdd} invited by text message" : $"{memberToAdd} invited", caller);
        await SaveAsync();
        return RoutingResult.Success(Session!);
    }

    private async Task<RoutingResult<SessionInfo>> EndAsync(SessionCaller caller, string outcome, string message)
    {
        Finish(outcome, message, caller);
        await SaveAsync();
        return RoutingResult.Success(Session!);
    }

    private void Finish(string outcome, string message, SessionCaller? caller)
    {
        state.State.HeldCallSids.Clear();
        var missed = !state.State.Answered;
        Change(s => s with
        {
            Ended = true,
            DialState = SessionDialState.None,
            CallState = SessionCallState.Disconnected,
            QueueState = s.QueueState == SessionQueueStates.None ? s.QueueState : SessionQueueStates.Disconnected,
            HoldReason = SessionHoldReasons.None,
            HeldByUserId = null,
            HoldQueueName = null,
            DateCompleted = timeProvider.GetUtcNow(),
            Outcome = outcome,
            WasMissed = s.Channel == FlowChannels.Voice && missed,
        }, caller);
        Log(message, caller);
    }

    private RoutingResult<SessionInfo>? VoiceCallCheck(SessionCaller caller, out SessionInfo session)
    {
        if (Authorize(caller, out session) is { } refused)
        {
            return refused;
        }

        if (session.Channel != FlowChannels.Voice)
        {
            return Conflict(session, "A chat session has no call: invite chat members instead.");
        }

        if (session.Ended)
        {
            return Conflict(session, "The session has ended.");
        }

        return session.CallSid is { } callSid && state.State.LegStatuses.GetValueOrDefault(callSid) == CallLegStatus.Answered
            ? null
            : Conflict(session, "The session's call is not connected.");
    }

    private RoutingResult<SessionInfo>? ChatCheck(SessionCaller caller, out SessionInfo session)
    {
        if (Authorize(caller, out session) is { } refused)
        {
            return refused;
        }

        if (session.Channel != FlowChannels.Chat)
        {
            return Conflict(session, "A voice session has no chat members: add conference members instead.");
        }

        return session.Ended ? Conflict(session, "The session has ended.") : null;
    }

    /// <summary>Null when the caller may change the session; else the answer: not found for another account's, forbidden for a user not in it.</summary>
    private RoutingResult<SessionInfo>? Authorize(SessionCaller caller, out SessionInfo session)
    {
        session = Session!;
        if (Session is null || Session.AccountId != caller.AccountId)
        {
            return NotFound();
        }

        var own = caller.IsAdmin || (caller.UserId is { } user
            && (string.Equals(session.CreatedBy, user, StringComparison.OrdinalIgnoreCase)
                || session.Members.Any(m => string.Equals(m.Identity, user, StringComparison.OrdinalIgnoreCase))));
        return own ? null : RoutingResult.Forbidden<SessionInfo>("A User key may only act on sessions it started or is a member of; use an Admin key.");
    }

    private IEnumerable<string> LiveLegs() => state.State.LegStatuses.Where(l => l.Value != CallLegStatus.Disconnected).Select(l => l.Key)
        .Concat(Session!.Members.Where(m => m.CallSid is not null && !state.State.LegStatuses.ContainsKey(m.CallSid)).Select(m => m.CallSid!))
        .ToList();

    private static SessionMemberInfo Member(string? identity, SessionMemberRoles role, string? displayName = null, bool original = false) => new()
    {
        Identity = identity,
        DisplayName = displayName ?? identity,
        IsOriginalMember = original,
        Role = role,
    };

    private static SessionMemberInfo? MemberOfCall(SessionInfo session, string callSid) => session.Members.FirstOrDefault(m => m.CallSid == callSid);

    /// <summary>Whether <paramref name="member"/> connecting means the call was answered.</summary>
    private static bool TakesTheCall(SessionInfo session, SessionMemberInfo member) =>
        session.Direction == SessionDirections.Outgoing ? member.IsOriginalMember : member.Role != SessionMemberRoles.Caller;

    /// <summary>Sets the session's call state from its members and holds, touching nothing when it is already right.</summary>
    private void UpdateCallState()
    {
        var callState = CallStateOf(Session!);
        if (callState != Session!.CallState)
        {
            Change(s => s with { CallState = callState });
        }
    }

    private SessionCallState CallStateOf(SessionInfo session) =>
        session.Ended ? SessionCallState.Disconnected
        : session.Channel != FlowChannels.Voice ? SessionCallState.Passive
        : state.State.HeldCallSids.Count > 0 ? SessionCallState.Hold
        : state.State.Answered && session.Members.Any(m => m.CallState == SessionMemberCallState.Connected) ? SessionCallState.Connected
        : SessionCallState.Ringing;

    /// <summary>Users dial as Twilio clients; numbers as they are.</summary>
    private static string DialString(string destination) => SessionAddress.IsUserId(destination) ? $"client:{destination}" : destination;

    private string Conference => CallKeys.ConferenceOfSession(GrainKey);

    private string NextCommandId() => $"{GrainKey}-{++state.State.CommandCount}";

    private void Change(Func<SessionInfo, SessionInfo> change, SessionCaller? caller = null)
    {
        var now = timeProvider.GetUtcNow();
        state.State.Session = change(Session!) with
        {
            DateLastModified = now,
            LastModifiedBy = caller?.UserId ?? Session!.LastModifiedBy,
        };
    }

    private void Log(string message, SessionCaller? caller = null) =>
        Change(s => s with { Log = [.. s.Log, new SessionLogInfo { Date = timeProvider.GetUtcNow(), Message = message }] }, caller);

    /// <summary>Stores the session and, when what the list filters on changed, updates the account's index.</summary>
    private async Task SaveAsync()
    {
        var session = Session!;
        state.State.Version++;
        await state.WriteStateAsync();
        var users = session.Members
            .Where(m => m.Role == SessionMemberRoles.Agent || SessionAddress.IsUserId(m.Identity))
            .Select(m => m.Identity)
            .Prepend(session.CreatedBy)
            .OfType<string>()
            .Distinct()
            .ToList();
        var summary = new SessionSummary(GrainKey, session.DateCreated!.Value, state.State.Version, session.Ended, session.Channel, session.FromAddress, session.ToAddress, users);
        if (state.State.Indexed is { } indexed && indexed.Ended == summary.Ended && indexed.Users.SequenceEqual(summary.Users))
        {
            return;
        }

        await GrainFactory.GetGrain<ISessionIndexGrain>(session.AccountId!).Track(summary);
        state.State.Indexed = summary;
        await state.WriteStateAsync();
    }

    private static RoutingResult<SessionInfo> NotFound() => RoutingResult.NotFound<SessionInfo>("No such session in this account.");

    private static RoutingResult<SessionInfo> Conflict(SessionInfo session, string error) => RoutingResult.IllegalTransition(session, error);
}
