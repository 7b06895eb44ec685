using Telephony.GrainInterfaces.Sessions;
using Telephony.GrainInterfaces.Sessions.Events;
using Telephony.Grains.Sessions.Events;

namespace Telephony.Grains.Tests.Sessions.Events;

/// <summary>Which of Evo Voice's notifications a session's change makes.</summary>
public sealed class SessionChangesTests
{
    private static readonly SessionInfo Ringing = new() { CallState = SessionCallState.Ringing, Members = [new SessionMemberInfo { CallSid = "CA1", CallState = SessionMemberCallState.Ringing }] };
    private static readonly SessionInfo Connected = Ringing with { CallState = SessionCallState.Connected, Members = [new SessionMemberInfo { CallSid = "CA1", CallState = SessionMemberCallState.Connected }] };
    private static readonly SessionInfo Held = Connected with { CallState = SessionCallState.Hold, Members = [new SessionMemberInfo { CallSid = "CA1", CallState = SessionMemberCallState.Hold }] };

    [Fact]
    public void A_new_session_is_info_and_an_active_sessions_change() =>
        Assert.Equal([SessionEventKind.InfoChanged, SessionEventKind.ActiveSessionsChanged], SessionChanges.Between(null, Ringing, documentChanged: true));

    [Fact]
    public void Connecting_is_answered_once_and_holding_or_unholding_is_held()
    {
        Assert.Equal([SessionEventKind.Answered], SessionChanges.Between(Ringing, Connected, documentChanged: true));
        Assert.Equal([SessionEventKind.Held], SessionChanges.Between(Connected, Held, documentChanged: true));
        Assert.Equal([SessionEventKind.Held], SessionChanges.Between(Held, Connected, documentChanged: true));
    }

    [Fact]
    public void Ending_is_disconnected_and_an_active_sessions_change() =>
        Assert.Equal([SessionEventKind.Disconnected, SessionEventKind.ActiveSessionsChanged], SessionChanges.Between(Held, Held with { Ended = true, CallState = SessionCallState.Disconnected }, documentChanged: true));

    [Fact]
    public void Another_change_is_info_and_no_change_is_nothing()
    {
        Assert.Equal([SessionEventKind.InfoChanged], SessionChanges.Between(Connected, Connected with { ConsoleData = "notes" }, documentChanged: true));
        Assert.Empty(SessionChanges.Between(Connected, Connected, documentChanged: false));
    }

    [Fact]
    public void A_session_that_starts_ended_is_disconnected_only() =>
        Assert.Equal([SessionEventKind.Disconnected], SessionChanges.Between(null, Ringing with { Ended = true }, documentChanged: true));
}
