using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Telephony.GrainInterfaces.Calls;
using Telephony.GrainInterfaces.Routing;
using Telephony.GrainInterfaces.Sessions;
using Telephony.Catalog;
using Telephony.Providers.Accounts;
using static Telephony.Grains.Sessions.SessionRecord;

namespace Telephony.Grains.Sessions;

/// <summary>
/// One session. The grain runs a request's steps: the session's checks (which change nothing), the provider
/// commands, the changes, then it stores the session. What those checks and changes are is
/// <see cref="SessionRecord"/>'s; provider commands are <see cref="SessionGrain.SendAsync"/>'s (recorded before they
/// are sent, resumed or reported after a crash). Members' call states follow what the provider confirms through
/// the legs' grains; holds are ours to decide, so a held leg stays held until we unhold it.
/// </summary>
[GrainType(GrainTypeName)]
public sealed partial class SessionGrain(
    [PersistentState("session")] IPersistentState<SessionState> state,
    AccountRegistry accounts,
    ISessionCatalog catalog,
    TimeProvider timeProvider,
    ILogger<SessionGrain> logger) : Grain, ISessionGrain
{
    /// <summary>The grain type: the stored grain id of a session is <c>session/{sessionId}</c>.</summary>
    public const string GrainTypeName = "session";

    private static readonly JsonWriterOptions DocumentWriting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private string GrainKey => field ??= this.GetPrimaryKeyString();

    /// <summary>The session's rules over its state; the grain never replaces the state object, so one record serves every call.</summary>
    private SessionRecord Record => field ??= new SessionRecord(state.State, GrainKey, timeProvider);

    private SessionInfo Session => Record.Info!;

    /// <inheritdoc />
    public Task<RoutingResult<SessionInfo>> Get(string accountId) =>
        Task.FromResult(Record.Info is { } session && session.AccountId == accountId ? RoutingResult.Success(session) : NotFound());

    /// <inheritdoc />
    public async Task<RoutingResult<SessionInfo>> Start(SessionCaller caller, NewSession request)
    {
        if (Record.Info is { } existing)
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

        Record.StartOutgoing(caller, request.Channel, destination, callerId);
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

        Record.Change(s => s with { CallSid = member.CallSid }, caller);
        return await AttachAsync(member.CallSid!);
    }

    /// <inheritdoc />
    public async Task<RoutingResult<SessionInfo>> Patch(SessionCaller caller, PatchSession request)
    {
        if (Record.Authorize(caller) is { } refused)
        {
            return refused;
        }

        if (request.CallState is { } callState && callState is not (SessionCallState.Hold or SessionCallState.Connected))
        {
            return RoutingResult.Invalid<SessionInfo>("'callState' can only be set to Hold or Connected (hold or unhold the call).", Session);
        }

        var hold = request.CallState == SessionCallState.Hold && Record.HeldCallSids.Count == 0;
        var unhold = request.CallState == SessionCallState.Connected && Record.HeldCallSids.Count > 0;
        if ((hold || unhold) && Session.Ended)
        {
            return Conflict(Session, "The session has ended.");
        }

        var changed = hold ? await HoldAsync(caller, Session.CallSid, request.HoldReason ?? SessionHoldReasons.None) : null;
        foreach (var callSid in unhold ? Record.HeldCallSids.ToList() : [])
        {
            changed = await UnholdAsync(caller, callSid);
            if (!changed.IsSuccess)
            {
                break;
            }
        }

        if (changed is { IsSuccess: false })
        {
            return changed;
        }

        if (request.ConsoleData is null && request.QueueState is null && (request.HoldReason is null || hold))
        {
            return RoutingResult.Success(Session);
        }

        Record.Change(s => s with
        {
            ConsoleData = request.ConsoleData ?? s.ConsoleData,
            QueueState = request.QueueState ?? s.QueueState,
            HoldReason = request.HoldReason is { } reason && s.CallState == SessionCallState.Hold ? reason : s.HoldReason,
        }, caller);
        if (request.QueueState is { } queueState)
        {
            Record.Log($"Queue state set to {queueState}", caller);
        }

        return await SavedAsync();
    }

    /// <inheritdoc />
    public async Task<RoutingResult<SessionInfo>> End(SessionCaller caller, EndSession request)
    {
        if (Record.Authorize(caller) is { } refused)
        {
            return refused;
        }

        if (Session.Ended)
        {
            return Conflict(Session, "The session has already ended.");
        }

        if (request.CallSid is { } callSid && MemberOfCall(Session, callSid) is null)
        {
            return RoutingResult.Invalid<SessionInfo>($"'callSid': call {callSid} is not a leg of this session.", Session);
        }

        foreach (var leg in Record.LiveLegs())
        {
            var hungUp = await SendAsync(new HangupCommand { CommandId = Record.NextCommandId(), CallId = leg });
            if (hungUp.Refusal is { } refusal)
            {
                // The leg is already gone at the provider; its callbacks will say so.
                SessionLog.HangupRefused(logger, GrainKey, leg, refusal);
            }
        }

        await EndAsync(caller, "Ended", "Session ended");
        await QueueOrCancelTaskAsync();
        return RoutingResult.Success(Session);
    }

    /// <inheritdoc />
    public async Task<RoutingResult<SessionInfo>> Hold(SessionCaller caller, HoldSession request) =>
        Record.Authorize(caller) ?? (Session.Ended ? Conflict(Session, "The session has ended.") : await HoldAsync(caller, request.CallSid ?? Session.CallSid, request.Reason));

    /// <inheritdoc />
    public async Task<RoutingResult<SessionInfo>> Unhold(SessionCaller caller, UnholdSession request)
    {
        if (Record.Authorize(caller) is { } refused)
        {
            return refused;
        }

        if (Session.Ended)
        {
            return Conflict(Session, "The session has ended.");
        }

        var held = Record.HeldCallSids;
        return await UnholdAsync(caller, request.CallSid ?? (held.Count == 1 ? held[0] : Session.CallSid));
    }

    /// <inheritdoc />
    public async Task<RoutingResult<SessionInfo>> Redirect(SessionCaller caller, RedirectSession request)
    {
        if (Record.CheckVoiceCall(caller) is { } failed)
        {
            return failed;
        }

        if (!E164.IsValid(request.Destination) && !SessionAddress.IsUserId(request.Destination))
        {
            return RoutingResult.Invalid<SessionInfo>("'destination' must be a phone number or a user id.", Session);
        }

        var callSid = Session.CallSid!;
        return await CommandThenAsync(
            new RedirectCommand { CommandId = Record.NextCommandId(), CallId = callSid, Destination = DialString(request.Destination!), CallerId = request.CallerId ?? Session.FromAddress },
            refusal => $"The transfer to {request.Destination} failed: {refusal}",
            () => Record.Transferred(callSid, request.Destination!, caller));
    }

    /// <inheritdoc />
    public async Task<RoutingResult<SessionInfo>> AddConferenceMember(SessionCaller caller, AddConferenceMember request)
    {
        if (Record.CheckVoiceCall(caller) is { } failed)
        {
            return failed;
        }

        var destination = request.Destination!;
        if (Session.Members.Any(m => m.Identity == destination && m.CallState != SessionMemberCallState.None))
        {
            return Conflict(Session, $"{destination} is already in the call.");
        }

        var from = request.FromNumber ?? Session.FromAddress ?? accounts.Find(Session.AccountId!)?.DefaultCallerId;
        if (from is null)
        {
            return RoutingResult.Invalid<SessionInfo>("'fromNumber' is required: the session and account have no caller id.", Session);
        }

        if (Session.ConferenceSid is null)
        {
            // A two-party call becomes a conference first: its leg moves into the session's conference.
            var move = new MoveToConferenceCommand { CommandId = Record.NextCommandId(), CallId = request.CallSid ?? Session.CallSid!, ConferenceName = Record.Conference };
            if ((await SendAsync(move)).Refusal is { } moveRefusal)
            {
                return await RefusedAsync($"The call could not become a conference: {moveRefusal}");
            }

            Record.Log("Call turned into a conference", caller);
        }

        var role = SessionAddress.IsUserId(destination) ? SessionMemberRoles.Agent : SessionMemberRoles.Transfer;
        var (member, refusal) = await DialMemberAsync(from, DialString(destination), Member(destination, role));
        if (member is null)
        {
            return await RefusedAsync($"The call to {destination} failed: {refusal}");
        }

        Record.Change(s => s with { MostRecentParticipantCallSid = member.CallSid }, caller);
        Record.Log($"Conference member {destination} dialled", caller);
        return await AttachAsync(member.CallSid!);
    }

    /// <inheritdoc />
    public async Task<RoutingResult<SessionInfo>> RemoveConferenceMember(SessionCaller caller, RemoveConferenceMember request)
    {
        if (Record.CheckVoiceCall(caller) is { } failed)
        {
            return failed;
        }

        if (MemberOfCall(Session, request.CallSid!) is not { } member || member.IsOriginalMember)
        {
            return RoutingResult.NotFound<SessionInfo>($"Call {request.CallSid} is not a conference member added to this session.");
        }

        if (Record.LegStatus(member.CallSid!) == CallLegStatus.Disconnected)
        {
            return Conflict(Session, $"{member.Identity} has already left the call.");
        }

        // A member not in the conference yet (ringing, or answered and still joining) is hung up instead.
        CallCommand remove = Session.ConferenceSid is { } conferenceId && Record.InConference(member.CallSid!)
            ? new RemoveParticipantCommand { CommandId = Record.NextCommandId(), ConferenceId = conferenceId, CallId = member.CallSid! }
            : new HangupCommand { CommandId = Record.NextCommandId(), CallId = member.CallSid! };
        return await CommandThenAsync(remove, refusal => $"{member.Identity} could not be removed: {refusal}", () => Record.MemberRemoved(member, caller));
    }

    /// <inheritdoc />
    public async Task<RoutingResult<SessionInfo>> InviteChatMember(SessionCaller caller, InviteChatMember request)
    {
        if (Record.CheckChat(caller) is { } failed)
        {
            return failed;
        }

        if (Session.Members.Any(m => m.Identity == request.MemberToAdd))
        {
            return Conflict(Session, $"{request.MemberToAdd} is already a member.");
        }

        var callerId = request.CallerId ?? Session.FromAddress ?? accounts.Find(Session.AccountId!)?.DefaultCallerId;
        if (callerId is null && E164.IsValid(request.MemberToAdd))
        {
            return RoutingResult.Invalid<SessionInfo>("'callerId' is required: the session and account have no number to text from.", Session);
        }

        return await InviteAsync(caller, request.MemberToAdd!, callerId, original: false);
    }

    /// <inheritdoc />
    public async Task<RoutingResult<SessionInfo>> RemoveChatMember(SessionCaller caller, DeleteChatMember request)
    {
        if (Record.CheckChat(caller) is { } failed)
        {
            return failed;
        }

        if (!Session.Members.Any(m => m.Identity == request.MemberToRemove))
        {
            return RoutingResult.NotFound<SessionInfo>($"{request.MemberToRemove} is not a member of this session.");
        }

        Record.Change(s => s with { Members = [.. s.Members.Where(m => m.Identity != request.MemberToRemove)] }, caller);
        Record.Log($"{request.MemberToRemove} removed from the chat", caller);
        return await SavedAsync();
    }

    private async Task<RoutingResult<SessionInfo>> HoldAsync(SessionCaller? caller, string? callSid, SessionHoldReasons reason)
    {
        if (Record.CheckHold(callSid) is { } refused)
        {
            return refused;
        }

        var who = MemberOfCall(Session, callSid!)!.Identity;
        return await CommandThenAsync(
            new UpdateParticipantCommand { CommandId = Record.NextCommandId(), ConferenceId = Session.ConferenceSid!, CallId = callSid!, Hold = true },
            refusal => $"{who} could not be held: {refusal}",
            () => Record.MarkHeld(callSid!, reason, caller));
    }

    private async Task<RoutingResult<SessionInfo>> UnholdAsync(SessionCaller? caller, string? callSid)
    {
        if (callSid is null || !Record.IsHeld(callSid))
        {
            return Conflict(Session, "That call is not on hold.");
        }

        var who = MemberOfCall(Session, callSid)!.Identity;
        return await CommandThenAsync(
            new UpdateParticipantCommand { CommandId = Record.NextCommandId(), ConferenceId = Session.ConferenceSid!, CallId = callSid, Hold = false },
            refusal => $"{who} could not be taken off hold: {refusal}",
            () => Record.MarkUnheld(callSid, caller));
    }

    /// <summary>Adds a chat member, texting a phone number an invitation first; a refused first invitation fails the chat.</summary>
    private async Task<RoutingResult<SessionInfo>> InviteAsync(SessionCaller caller, string memberToAdd, string? callerId, bool original)
    {
        var byText = E164.IsValid(memberToAdd);
        if (byText)
        {
            var text = new SendMessageCommand { CommandId = Record.NextCommandId(), From = callerId!, To = memberToAdd, Text = $"You are invited to a chat (session {GrainKey})." };
            if ((await SendAsync(text)).Refusal is { } refusal)
            {
                var message = $"The invitation to {memberToAdd} failed: {refusal}";
                return original ? await EndAsync(caller, "Failed", message) : await RefusedAsync(message);
            }
        }

        var member = Member(memberToAdd, byText ? SessionMemberRoles.Caller : SessionMemberRoles.Agent, original: original);
        Record.Change(s => s with { Members = [.. s.Members, member] }, caller);
        Record.Log(byText ? $"{memberToAdd} invited by text message" : $"{memberToAdd} invited", caller);
        return await SavedAsync();
    }

    private async Task<RoutingResult<SessionInfo>> EndAsync(SessionCaller caller, string outcome, string message)
    {
        Record.Finish(outcome, message, caller);
        return await SavedAsync();
    }

    /// <summary>Sends <paramref name="command"/>; records its effect and stores the session, or logs the provider's refusal.</summary>
    private async Task<RoutingResult<SessionInfo>> CommandThenAsync(CallCommand command, Func<string, string> refused, Action applied)
    {
        if ((await SendAsync(command)).Refusal is { } refusal)
        {
            return await RefusedAsync(refused(refusal));
        }

        applied();
        return await SavedAsync();
    }

    /// <summary>Stores a provider's refusal in the log (nothing else changed) and answers 409.</summary>
    private async Task<RoutingResult<SessionInfo>> RefusedAsync(string message)
    {
        Record.Log(message);
        await SaveAsync();
        return Conflict(Session, message);
    }

    /// <summary>Stores the session and answers with it.</summary>
    private async Task<RoutingResult<SessionInfo>> SavedAsync()
    {
        await SaveAsync();
        return RoutingResult.Success(Session);
    }

    /// <summary>Stores the session as a new version, then gives the catalog that version.</summary>
    private async Task SaveAsync()
    {
        state.State.Version++;
        await state.WriteStateAsync();
        var document = Document();
        await CatalogAsync(document);
        await AnnounceAsync(document);
    }

    /// <summary>
    /// Gives the catalog the stored version of the session. The catalog keeps only a newer version than it holds, so
    /// this repeats safely: it is how a version stored without reaching the catalog (a failure or crash between the
    /// two writes) gets there, on the next activation or the next repeated report.
    /// </summary>
    private Task CatalogAsync(byte[]? document = null) =>
        catalog.SaveAsync(Record.CatalogEntry(document ?? Document()), CancellationToken.None);

    /// <summary>The session as the API shows it, with '+' and the other HTML-sensitive characters as they are (like the API's own bodies).</summary>
    private byte[] Document() => Document(Session);

    private static byte[] Document(SessionInfo session)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer, DocumentWriting))
        {
            JsonSerializer.Serialize(writer, session, SessionJsonContext.Default.SessionInfo);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
