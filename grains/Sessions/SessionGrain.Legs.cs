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
        switch (Record.TakeLegUpdate(update))
        {
            case LegUpdateOutcome.Taken:
                await SaveAsync();
                await QueueOrCancelTaskAsync();
                break;
            case LegUpdateOutcome.AlreadyTaken when Record.Info is not null:
                // A repeated report may follow one that was stored but failed after: finish what that one left undone
                // (both steps do nothing when there is nothing left to do).
                await CatalogAsync();
                await QueueOrCancelTaskAsync();
                break;
            case LegUpdateOutcome.NotOurs:
                SessionLog.UnknownLeg(logger, GrainKey, update.Leg.CallId ?? string.Empty);
                break;
        }
    }

    /// <summary>
    /// Dials into the session's conference and adds <paramref name="member"/>, ringing on the new leg until the
    /// provider reports the answer; the member is null, with the provider's refusal, when the dial was refused. The
    /// member is stored at once: if what follows fails, the session still knows the live leg and ending it hangs it up.
    /// </summary>
    private async Task<(SessionMemberInfo? Member, string? Refusal)> DialMemberAsync(string from, string to, SessionMemberInfo member)
    {
        var dial = new DialCommand { CommandId = Record.NextCommandId(), From = from, To = to, ConferenceName = Record.Conference };
        var dialed = await SendAsync(dial);
        if (dialed.Refusal is { } refusal)
        {
            return (null, refusal);
        }

        var added = Record.AddDialedMember(member, dialed.Result!);
        await state.WriteStateAsync();
        return (added, null);
    }

    /// <summary>Attaches a dialled leg, catching up on what its callbacks said before, and stores the session.</summary>
    private async Task<RoutingResult<SessionInfo>> AttachAsync(string callSid)
    {
        var provider = accounts.Find(Session.AccountId!)!.CallbackProvider;
        Record.CatchUp(callSid, await GrainFactory.GetGrain<ICallGrain>(CallKeys.Call(provider, callSid)).Attach(GrainKey));
        return await SavedAsync();
    }
}
