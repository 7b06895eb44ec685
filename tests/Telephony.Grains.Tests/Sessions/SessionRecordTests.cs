using Telephony.GrainInterfaces.Calls;
using Telephony.GrainInterfaces.Routing;
using Telephony.GrainInterfaces.Sessions;
using Telephony.Grains.Sessions;
using Telephony.Testing;

namespace Telephony.Grains.Tests.Sessions;

/// <summary>The session's rules on their own, without a silo: who may act, and what legs, holds and crashes make of a session.</summary>
public sealed class SessionRecordTests
{
    private const string Account = "acme";
    private const string Customer = "+15550001111";
    private const string CallSid = "CA0000000000000000000000000000000a";
    private static readonly SessionCaller Agent = new(Account, "agent@acme.example", IsAdmin: false);
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public void Another_accounts_caller_finds_nothing_and_a_user_outside_the_session_is_forbidden()
    {
        var record = OutgoingCall();

        Assert.Equal(RoutingOutcome.NotFound, record.Authorize(Agent with { AccountId = "other" })!.Outcome);
        Assert.Equal(RoutingOutcome.Forbidden, record.Authorize(Agent with { UserId = "someone@acme.example" })!.Outcome);
        Assert.Null(record.Authorize(Agent with { UserId = "AGENT@acme.example" }));
        Assert.Null(record.Authorize(new SessionCaller(Account, null, IsAdmin: true)));
    }

    [Fact]
    public void An_answered_leg_connects_its_member_and_the_call_and_a_stale_or_foreign_update_changes_nothing()
    {
        var state = new SessionState();
        var record = OutgoingCall(state);

        var answered = record.TakeLegUpdate(Update(CallLegStatus.Answered, version: 3));
        var stale = record.TakeLegUpdate(Update(CallLegStatus.Ringing, version: 2));
        var foreign = record.TakeLegUpdate(Update(CallLegStatus.Disconnected, version: 9) with { Leg = new CallLeg { CallId = "CA-other", Status = CallLegStatus.Disconnected } });
        var session = record.Info!;

        Assert.Equal((LegUpdateOutcome.Taken, LegUpdateOutcome.AlreadyTaken, LegUpdateOutcome.NotOurs), (answered, stale, foreign));
        Assert.Equal((SessionCallState.Connected, SessionMemberCallState.Connected, true), (session.CallState, session.Members[0].CallState, state.Answered));
        Assert.Equal($"{Customer} connected", session.Log[^1].Message);
    }

    [Fact]
    public void A_long_sessions_log_keeps_its_latest_lines_only()
    {
        var record = OutgoingCall();
        var before = record.Info!.Log.Count;

        for (var line = 0; line < SessionRecord.MaxLogLines; line++)
        {
            record.Log($"line {line}");
        }

        var log = record.Info!.Log;
        Assert.Equal(SessionRecord.MaxLogLines, log.Count);
        Assert.Equal(("line 0", $"line {SessionRecord.MaxLogLines - 1}"), (log[0].Message, log[^1].Message));
        Assert.True(before > 0);
    }

    [Fact]
    public void The_last_leg_hanging_up_ends_the_session_with_its_cause()
    {
        var record = OutgoingCall();
        record.TakeLegUpdate(Update(CallLegStatus.Answered, version: 1));

        record.TakeLegUpdate(Update(CallLegStatus.Disconnected, version: 2) with { Leg = Leg(CallLegStatus.Disconnected) with { Cause = DisconnectCause.Busy } });
        var session = record.Info!;

        Assert.Equal((true, "Busy", SessionCallState.Disconnected, SessionMemberCallState.None), (session.Ended, session.Outcome, session.CallState, session.Members[0].CallState));
        Assert.Equal([$"{Customer} hung up (Busy)", "Call ended (Busy)"], session.Log.TakeLast(2).Select(l => l.Message));
    }

    [Fact]
    public void Holding_needs_a_connected_member_in_a_conference_and_a_held_leg_stays_held_when_it_reports_answered()
    {
        var record = OutgoingCall();
        var notConnected = record.CheckHold(CallSid);
        var unknown = record.CheckHold("CA-unknown");
        record.TakeLegUpdate(Update(CallLegStatus.Answered, version: 1) with { Leg = Leg(CallLegStatus.Answered) with { ConferenceName = record.Conference, ConferenceId = "CF1" } });

        Assert.Null(record.CheckHold(CallSid));
        record.MarkHeld(CallSid, SessionHoldReasons.Transferring, Agent);
        var alreadyHeld = record.CheckHold(CallSid);
        record.TakeLegUpdate(Update(CallLegStatus.Answered, version: 2));
        var held = record.Info!;
        record.MarkUnheld(CallSid, Agent);
        var released = record.Info!;

        Assert.Equal(RoutingOutcome.IllegalTransition, notConnected!.Outcome);
        Assert.Equal(RoutingOutcome.Invalid, unknown!.Outcome);
        Assert.Equal(RoutingOutcome.IllegalTransition, alreadyHeld!.Outcome);
        Assert.Equal((SessionCallState.Hold, SessionHoldReasons.Transferring, SessionMemberCallState.Hold), (held.CallState, held.HoldReason, held.Members[0].CallState));
        Assert.Equal((SessionCallState.Connected, SessionHoldReasons.None, (string?)null), (released.CallState, released.HoldReason, released.HoldQueueName));
    }

    [Fact]
    public void An_inbound_legs_first_report_starts_the_session_and_its_call_is_queued_once_then_canceled_if_the_caller_leaves()
    {
        var record = new SessionRecord(new SessionState(), "s1", _time);
        var inbound = new CallLeg { CallId = CallSid, AccountId = Account, From = Customer, To = "+15550100000", Direction = CallDirection.Inbound, Status = CallLegStatus.Initiated };

        var started = record.TakeLegUpdate(new CallLegUpdate("s1", inbound, 1));
        var first = record.NextTaskStep(accountRoutesCalls: true);
        record.Queued("WS1", "WQ1", "WT1");
        var queuedAgain = record.NextTaskStep(accountRoutesCalls: true);
        record.TakeLegUpdate(new CallLegUpdate("s1", inbound with { Status = CallLegStatus.Disconnected }, 2));
        var afterHangup = record.NextTaskStep(accountRoutesCalls: true);

        Assert.Equal(LegUpdateOutcome.Taken, started);
        Assert.Equal((TaskStep.Queue, TaskStep.None, TaskStep.Cancel), (first, queuedAgain, afterHangup));
        Assert.Equal((SessionDirections.Incoming, SessionQueueStates.Disconnected, true), (record.Info!.Direction, record.Info.QueueState, record.Info.WasMissed));
        Assert.Equal(TaskStep.None, OutgoingCall().NextTaskStep(accountRoutesCalls: true));
    }

    [Fact]
    public void After_a_crash_an_unsent_dial_fails_the_session_and_a_resent_hold_is_recorded()
    {
        var unsentDial = new SessionRecord(new SessionState(), "s1", _time);
        unsentDial.StartOutgoing(Agent, FlowChannels.Voice, Customer, "+15550100000");
        unsentDial.Recover(new DialCommand { CommandId = "s1-1", From = "+15550100000", To = Customer }, resent: false);

        var held = OutgoingCall();
        held.TakeLegUpdate(Update(CallLegStatus.Answered, version: 1));
        held.Recover(new UpdateParticipantCommand { CommandId = "s1-2", ConferenceId = "CF1", CallId = CallSid, Hold = true }, resent: true);

        Assert.Equal((true, "Failed"), (unsentDial.Info!.Ended, unsentDial.Info.Outcome));
        Assert.Contains(unsentDial.Info.Log, l => l.Message == $"The call to {Customer} may not have reached the provider (interrupted by a restart).");
        Assert.Equal([CallSid], held.HeldCallSids);
        Assert.Equal($"{Customer} put on hold", held.Info!.Log[^1].Message);
    }

    [Fact]
    public void The_catalog_entry_carries_the_stored_version_the_filtered_fields_and_the_users_the_session_belongs_to()
    {
        var state = new SessionState { Version = 7 };
        var record = OutgoingCall(state);
        record.AddDialedMember(SessionRecord.Member("user:lead", SessionMemberRoles.Agent, original: false), new CommandResult("CA-lead"));
        record.Finish("Ended", "Session ended", Agent);
        byte[] document = [1, 2, 3];

        var entry = record.CatalogEntry(document);

        Assert.Equal(("acme", "s1", 7L, true, "Voice"), (entry.AccountId, entry.SessionId, entry.Version, entry.Ended, entry.Channel));
        Assert.Equal((record.Info!.DateCreated!.Value, record.Info.FromAddress, record.Info.ToAddress), (entry.DateCreated, entry.FromAddress, entry.ToAddress));
        Assert.Equal(["agent@acme.example", "user:lead"], entry.Users);
        Assert.Same(document, entry.Document);
    }

    private SessionRecord OutgoingCall(SessionState? state = null)
    {
        var record = new SessionRecord(state ?? new SessionState(), "s1", _time);
        record.StartOutgoing(Agent, FlowChannels.Voice, Customer, "+15550100000");
        record.AddDialedMember(SessionRecord.Member(Customer, SessionMemberRoles.Caller, original: true), new CommandResult(CallSid));
        record.Change(s => s with { CallSid = CallSid });
        return record;
    }

    private static CallLeg Leg(CallLegStatus status) => new() { CallId = CallSid, AccountId = Account, Status = status };

    private static CallLegUpdate Update(CallLegStatus status, long version) => new("s1", Leg(status), version);
}
