using Microsoft.Extensions.Logging;
using Telephony.GrainInterfaces.Calls;
using Telephony.GrainInterfaces.Sessions;
using Telephony.Grains.Routing;
using Telephony.Providers.Accounts;
using Telephony.Runtime;

namespace Telephony.Grains.Calls;

/// <summary>
/// One provider call leg. Applies each provider event at most once and never moves the leg
/// backwards: status only advances (initiated, ringing, answered, disconnected), and a hold, mute
/// or conference change older than the last one applied is ignored. An inbound leg starts a session;
/// every change is reported to the leg's session without waiting, because the session waits on
/// provider commands whose callbacks come back through this grain. A disconnected leg leaves memory after each
/// turn; its stored state is all it needs to refuse what comes later.
/// </summary>
public sealed class CallGrain(
    [PersistentState("call")] IPersistentState<CallLegState> state,
    AccountRegistry accounts,
    ILogger<CallGrain> logger) : Grain, ICallGrain
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<CallInstruction>> Apply(CallEvent callEvent)
    {
        if (state.State.Seen.Remember(callEvent.EventId, callEvent.ProviderCallId ?? string.Empty))
        {
            await ApplyNewAsync(callEvent);
        }
        else
        {
            logger.LogDebug("Duplicate {EventType} {EventId} for call {CallId} ignored", callEvent.Type, callEvent.EventId, GrainKey);
        }

        if (state.State.Leg.Status == CallLegStatus.Disconnected)
        {
            // A finished leg only hears late or repeated callbacks, and everything it needs to refuse them is stored:
            // it leaves memory instead of staying until idle collection, as every call ever made otherwise would.
            DeactivateOnIdle();
        }

        return NextInstructions(callEvent);
    }

    /// <inheritdoc />
    public Task<CallLeg> Get() => Task.FromResult(state.State.Leg);

    /// <inheritdoc />
    public async Task<CallLegUpdate?> Attach(string sessionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        var leg = state.State.Leg;
        if (leg.SessionId is { } owner && owner != sessionId)
        {
            logger.LogWarning("Call {CallId} belongs to session {SessionId}; attaching it to {OtherSessionId} refused", GrainKey, owner, sessionId);
            return null;
        }

        if (leg.SessionId is null)
        {
            state.State.Leg = leg with { SessionId = sessionId };
            await state.WriteStateAsync();
        }

        return new CallLegUpdate(sessionId, state.State.Leg, state.State.Version);
    }

    /// <summary>Applies an event seen for the first time: advances the leg unless the event is stale, stores it, tells the session.</summary>
    private async Task ApplyNewAsync(CallEvent callEvent)
    {
        var changed = false;
        if (Advance(state.State.Leg, callEvent) is { } advanced)
        {
            var leg = advanced with
            {
                Provider = callEvent.Provider,
                AccountId = callEvent.AccountId,
                CallId = callEvent.ProviderCallId,
                From = advanced.From ?? callEvent.From,
                To = advanced.To ?? callEvent.To,
                Direction = advanced.Direction ?? callEvent.Direction,
                History = [.. advanced.History, callEvent.Type],
            };
            if (leg.SessionId is null && leg.Direction == CallDirection.Inbound && leg.Status != CallLegStatus.Disconnected)
            {
                // Decided and stored with the event, so a repeated arrival callback joins the same session.
                leg = leg with { SessionId = Guid.NewGuid().ToString("N") };
            }

            state.State.Leg = leg;
            state.State.Version++;
            changed = true;
        }
        else
        {
            logger.LogInformation("Stale {EventType} {EventId} for call {CallId} ignored (status {Status})", callEvent.Type, callEvent.EventId, GrainKey, state.State.Leg.Status);
        }

        await state.WriteStateAsync();
        if (changed)
        {
            ReportToSession();
        }
    }

    private void ReportToSession()
    {
        if (state.State.Leg.SessionId is { } sessionId)
        {
            var update = new CallLegUpdate(sessionId, state.State.Leg, state.State.Version);
            var session = GrainFactory.GetGrain<ISessionGrain>(sessionId);
            OneWay.Send(logger, $"report call {GrainKey} to session {sessionId}", () => session.ApplyCallLeg(update));
        }
    }

    private static CallLegStatus StatusOf(CallEventType type) => type switch
    {
        CallEventType.Initiated => CallLegStatus.Initiated,
        CallEventType.Ringing => CallLegStatus.Ringing,
        CallEventType.Answered => CallLegStatus.Answered,
        CallEventType.Disconnected => CallLegStatus.Disconnected,
        _ => CallLegStatus.None,
    };

    /// <summary>The leg after <paramref name="callEvent"/>; null when the event is older than what the leg already shows.</summary>
    private CallLeg? Advance(CallLeg leg, CallEvent callEvent)
    {
        var status = StatusOf(callEvent.Type);
        if (status != CallLegStatus.None)
        {
            return status > leg.Status
                ? leg with { Status = status, Cause = callEvent.Cause ?? leg.Cause, ErrorMessage = callEvent.ErrorMessage ?? leg.ErrorMessage }
                : null;
        }

        switch (callEvent.Type)
        {
            case CallEventType.ConferenceMemberJoined or CallEventType.ConferenceMemberLeft:
                if (state.State.LastMembershipChange?.IsBefore(callEvent) == false)
                {
                    return null;
                }

                state.State.LastMembershipChange = EventOrder.Of(callEvent);
                return callEvent.Type == CallEventType.ConferenceMemberJoined
                    ? leg with { ConferenceName = callEvent.ConferenceName, ConferenceId = callEvent.ConferenceId ?? leg.ConferenceId }
                    : leg with { ConferenceName = null, ConferenceId = null, OnHold = false, Muted = false };
            case CallEventType.Hold or CallEventType.Unhold or CallEventType.Mute or CallEventType.Unmute:
                if (state.State.LastParticipantChange?.IsBefore(callEvent) == false)
                {
                    return null;
                }

                state.State.LastParticipantChange = EventOrder.Of(callEvent);
                return callEvent.Type switch
                {
                    CallEventType.Hold => leg with { OnHold = true },
                    CallEventType.Unhold => leg with { OnHold = false },
                    CallEventType.Mute => leg with { Muted = true },
                    _ => leg with { Muted = false },
                };
            default:
                return leg;
        }
    }

    /// <summary>
    /// What the call does next when the provider asks (an incoming call, or an outbound leg answered with no
    /// instructions yet): a session's leg joins the session's conference; any other waits in a conference of its own.
    /// A caller queued for an agent waits hearing hold audio (the conference starts when the agent joins) and
    /// ends the conference when it hangs up.
    /// </summary>
    private IReadOnlyList<CallInstruction> NextInstructions(CallEvent callEvent)
    {
        if (callEvent.Type is not (CallEventType.Initiated or CallEventType.Answered) || callEvent.ProviderCallId is not { } callId)
        {
            return [];
        }

        var leg = state.State.Leg;
        var conference = leg.ConferenceName ?? (leg.SessionId is { } sessionId ? CallKeys.ConferenceOfSession(sessionId) : CallKeys.ConferenceOfCall(callId));
        var queued = leg.Direction == CallDirection.Inbound && leg.SessionId is not null && accounts.Find(callEvent.AccountId) is { RoutesIncomingCalls: true };
        return [new JoinConferenceInstruction(conference) { StartConferenceOnEnter = !queued, EndConferenceOnExit = queued }];
    }
}
