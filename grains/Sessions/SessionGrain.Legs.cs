using Telephony.GrainInterfaces.Calls;
using Telephony.GrainInterfaces.Routing;
using Telephony.GrainInterfaces.Sessions;

namespace Telephony.Grains.Sessions;

// The session following its call legs: what their grains report, and the legs it dials itself.
public sealed partial class SessionGrain
{
    /// <inheritdoc />
    public async Task ApplyCallLeg(CallLegUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var leg = update.Leg;
        if (leg.CallId is not { } callId || (state.State.LegVersions.TryGetValue(callId, out var seen) && seen >= update.Version))
        {
            return;
        }

        if (Session is null)
        {
            if (leg.Direction != CallDirection.Inbound || leg.AccountId is null)
            {
                SessionLog.UnknownLeg(logger, GrainKey, callId);
                return;
            }

            StartIncoming(leg);
        }
        else if (MemberOfCall(Session, callId) is null)
        {
            SessionLog.UnknownLeg(logger, GrainKey, callId);
            return;
        }

        state.State.LegVersions[callId] = update.Version;
        Follow(leg);
        await SaveAsync();
        await QueueOrCancelTaskAsync();
    }

    private void StartIncoming(CallLeg leg)
    {
        var now = timeProvider.GetUtcNow();
        var caller = Member(leg.From, SessionMemberRoles.Caller, original: true) with { CallState = SessionMemberCallState.Ringing, CallSid = leg.CallId };
        state.State.Session = new SessionInfo
        {
            Id = GrainKey,
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

    /// <summary>Brings the leg's member, the conference and the session's call state in line with <paramref name="leg"/>.</summary>
    private void Follow(CallLeg leg)
    {
        var callId = leg.CallId!;
        var session = Session!;
        var member = MemberOfCall(session, callId)!;

        // A caller answered by our own instructions gets no "answered" callback from every provider; being in the
        // conference says the same.
        var status = leg.ConferenceName is not null && leg.Status is CallLegStatus.Initiated or CallLegStatus.Ringing ? CallLegStatus.Answered : leg.Status;
        state.State.LegStatuses[callId] = status;
        if (status == CallLegStatus.Disconnected)
        {
            state.State.HeldCallSids.Remove(callId);
        }

        var callState = status switch
        {
            CallLegStatus.Answered when state.State.HeldCallSids.Contains(callId) => SessionMemberCallState.Hold,
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
                state.State.Answered = true;
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

        if (!Session!.Ended && state.State.LegStatuses.Count > 0 && state.State.LegStatuses.Values.All(s => s == CallLegStatus.Disconnected)
            && Session.Members.Where(m => m.CallSid is not null).All(m => state.State.LegStatuses.ContainsKey(m.CallSid!)))
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

    /// <summary>
    /// Dials into the session's conference and adds <paramref name="member"/>, ringing on the new leg until the
    /// provider reports the answer; the member is null, with the provider's refusal, when the dial was refused.
    /// </summary>
    private async Task<(SessionMemberInfo? Member, string? Refusal)> DialMemberAsync(string from, string to, SessionMemberInfo member)
    {
        var dialed = await SendAsync(new DialCommand { CommandId = NextCommandId(), From = from, To = to, ConferenceName = Conference });
        if (dialed.Refusal is { } refusal)
        {
            return (null, refusal);
        }

        var added = member with { CallState = SessionMemberCallState.Ringing, CallSid = dialed.Result!.CallId };
        Change(s => s with { ConferenceSid = s.ConferenceSid ?? dialed.Result.ConferenceId, Members = [.. s.Members, added] });
        return (added, null);
    }

    /// <summary>Attaches a dialled leg, catching up on what its callbacks said before, and stores the session.</summary>
    private async Task<RoutingResult<SessionInfo>> AttachAsync(string callSid)
    {
        var provider = accounts.Find(Session!.AccountId!)!.CallbackProvider;
        var update = await GrainFactory.GetGrain<ICallGrain>(CallKeys.Call(provider, callSid)).Attach(GrainKey);
        if (update is not null)
        {
            state.State.LegVersions[callSid] = update.Version;
            if (update.Leg.Status != CallLegStatus.None)
            {
                Follow(update.Leg with { CallId = callSid });
            }
        }

        await SaveAsync();
        return RoutingResult.Success(Session!);
    }
}
