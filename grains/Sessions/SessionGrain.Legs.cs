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
            case LegUpdateOutcome.NotOurs:
                SessionLog.UnknownLeg(logger, GrainKey, update.Leg.CallId ?? string.Empty);
                break;
        }
    }

    /// <summary>
    /// Dials into the session's conference and adds <paramref name="member"/>, ringing on the new leg until the
    /// provider reports the answer; the member is null, with the provider's refusal, when the dial was refused.
    /// </summary>
    private async Task<(SessionMemberInfo? Member, string? Refusal)> DialMemberAsync(string from, string to, SessionMemberInfo member)
    {
        var dial = new DialCommand { CommandId = Record.NextCommandId(), From = from, To = to, ConferenceName = Record.Conference };
        var dialed = await SendAsync(dial);
        return dialed.Refusal is { } refusal ? (null, refusal) : (Record.AddDialedMember(member, dialed.Result!), null);
    }

    /// <summary>Attaches a dialled leg, catching up on what its callbacks said before, and stores the session.</summary>
    private async Task<RoutingResult<SessionInfo>> AttachAsync(string callSid)
    {
        var provider = accounts.Find(Session.AccountId!)!.CallbackProvider;
        Record.CatchUp(callSid, await GrainFactory.GetGrain<ICallGrain>(CallKeys.Call(provider, callSid)).Attach(GrainKey));
        return await SavedAsync();
    }
}
