using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Telephony.GrainInterfaces.Calls;
using Telephony.GrainInterfaces.Sessions;
using Telephony.Providers.Accounts;

namespace Telephony.Grains.Calls;

/// <summary>
/// One provider call leg. Applies each provider event at most once and never moves the leg
/// backwards: status only advances (initiated, ringing, answered, disconnected), and a hold, mute
/// or conference change older than the last one applied is ignored. An inbound leg starts a session.
/// A change reaches the leg's session, which stores it, before the leg stores it and before the callback is
/// answered: if either write fails the callback fails, the activation is dropped so nothing half-applied stays
/// in memory (the silo's failed-call filter), and the provider's redelivery applies the event again, which the
/// session takes at most once (by version). A leg leaves memory when it disconnects; its stored state is all it
/// needs to refuse what comes later.
/// </summary>
[GrainType(GrainTypeName)]
public sealed class CallGrain(
    [PersistentState("call")] IPersistentState<CallLegState> state,
    AccountRegistry accounts,
    CallGrainReferences grains,
    ILogger<CallGrain> logger) : Grain, ICallGrain
{
    /// <summary>The grain type: the stored grain id of a leg is <c>call/{provider}:{providerCallId}</c>.</summary>
    public const string GrainTypeName = "call";

    private string GrainKey => field ??= this.GetPrimaryKeyString();

    /// <inheritdoc />
    public async Task<IReadOnlyList<CallInstruction>> Apply(CallEvent callEvent)
    {
        // Call ids are unique per provider, not per account: another account's callback naming this leg, signed with
        // that account's own credentials, must not move it, reach its session or learn what it would do next.
        if (state.State.Leg.AccountId is { } owner && owner != callEvent.AccountId)
        {
            CallLog.ForeignAccountIgnored(logger, callEvent.Type, callEvent.AccountId, GrainKey, owner);
            return [];
        }

        var finished = state.State.Leg.Status == CallLegStatus.Disconnected;
        if (state.State.Seen.Remember(callEvent.EventId, callEvent.ProviderCallId ?? string.Empty))
        {
            await ApplyNewAsync(callEvent);
        }
        else
        {
            CallLog.DuplicateIgnored(logger, callEvent.Type, callEvent.EventId, GrainKey);
        }

        if (!finished && state.State.Leg.Status == CallLegStatus.Disconnected)
        {
            // A finished leg only hears late or repeated callbacks, and everything it needs to refuse them is stored:
            // it leaves memory instead of staying until idle collection, as every call ever made otherwise would. Only
            // the turn that finishes it asks: callbacks queued behind that turn go on to a new activation, which must
            // take them rather than leave as well, or Orleans would forward them again and give up.
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
            CallLog.AttachRefused(logger, GrainKey, owner, sessionId);
            return null;
        }

        if (leg.SessionId is null)
        {
            state.State.Leg = leg with { SessionId = sessionId };
            await state.WriteStateAsync();
        }

        return new CallLegUpdate(sessionId, state.State.Leg, state.State.Version);
    }

    /// <summary>Applies an event seen for the first time: advances the leg unless the event is stale, tells the session, stores it.</summary>
    private async Task ApplyNewAsync(CallEvent callEvent)
    {
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
                leg = leg with { SessionId = InboundSessionId(GrainKey) };
            }

            state.State.Leg = leg;
            state.State.Version++;
            await ReportToSessionAsync(callEvent.EventId);
        }
        else
        {
            CallLog.StaleIgnored(logger, callEvent.Type, callEvent.EventId, GrainKey);
        }

        await state.WriteStateAsync();
    }

    /// <summary>
    /// Waits until the session has stored the leg as it is now. No cycle: the session calls a leg only to attach it,
    /// which happens before the leg knows its session and so before the leg calls the session.
    /// </summary>
    private async Task ReportToSessionAsync(string eventId)
    {
        if (state.State.Leg.SessionId is { } sessionId)
        {
            await grains.Session(sessionId).ApplyCallLeg(new CallLegUpdate(sessionId, state.State.Leg, state.State.Version, eventId));
        }
    }

    /// <summary>
    /// The session an inbound leg starts, derived from the leg's key: a redelivered arrival whose first application
    /// reached the session but not the leg's storage finds the same session again.
    /// </summary>
    private static string InboundSessionId(string callKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(callKey)).AsSpan(0, 16));

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
