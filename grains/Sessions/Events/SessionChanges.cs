using Telephony.GrainInterfaces.Sessions;
using Telephony.GrainInterfaces.Sessions.Events;

namespace Telephony.Grains.Sessions.Events;

/// <summary>Which notifications a session's new version makes, compared with the version announced before it.</summary>
internal static class SessionChanges
{
    /// <summary>
    /// The notifications from <paramref name="before"/> (null: none announced yet) to <paramref name="after"/>, in the
    /// order clients get them: answered, held and disconnected as they apply, else info changed when anything else did;
    /// then active sessions changed when the session started or ended. Empty when nothing a client sees changed.
    /// </summary>
    public static IReadOnlyList<SessionEventKind> Between(SessionInfo? before, SessionInfo after, bool documentChanged)
    {
        var kinds = new List<SessionEventKind>(2);
        if (!after.Ended && after.CallState == SessionCallState.Connected && before?.CallState is not (SessionCallState.Connected or SessionCallState.Hold))
        {
            kinds.Add(SessionEventKind.Answered);
        }

        if (before is not null && !after.Ended && !HeldCalls(before).SequenceEqual(HeldCalls(after)))
        {
            kinds.Add(SessionEventKind.Held);
        }

        if (after.Ended && before?.Ended != true)
        {
            kinds.Add(SessionEventKind.Disconnected);
        }

        if (kinds.Count == 0 && documentChanged)
        {
            kinds.Add(SessionEventKind.InfoChanged);
        }

        if (IsLive(before) != IsLive(after))
        {
            kinds.Add(SessionEventKind.ActiveSessionsChanged);
        }

        return kinds;
    }

    private static bool IsLive(SessionInfo? session) => session is { Ended: false };

    /// <summary>The held participants, and the session's own hold: a hold of either is a held notification.</summary>
    private static IEnumerable<string?> HeldCalls(SessionInfo session) =>
        session.Members.Where(m => m.CallState == SessionMemberCallState.Hold).Select(m => m.CallSid).Prepend(session.CallState == SessionCallState.Hold ? "session" : null);
}
