using Orleans;
using Telephony.GrainInterfaces.Calls;
using Telephony.GrainInterfaces.Routing;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary>
/// One session (key: session id): a call or chat, its members, hold and conference state and its log. Every
/// operation checks the caller's account first (a foreign session is not found), changes nothing when it fails,
/// and answers with the session as it is afterwards. Requests come validated (<see cref="ISessionRequest.Validate"/>)
/// with the route's session id already in them.
/// </summary>
[Alias("telephony.ISessionGrain")]
public interface ISessionGrain : IGrainWithStringKey
{
    /// <summary>The session, if it exists in <paramref name="accountId"/>.</summary>
    [Alias("Get")]
    Task<RoutingResult<SessionInfo>> Get(string accountId);

    /// <summary>Starts the session: dials <see cref="NewSession.Destination"/> (voice) or invites it (chat).</summary>
    [Alias("Start")]
    Task<RoutingResult<SessionInfo>> Start(SessionCaller caller, NewSession request);

    /// <summary>Changes console data, queue state, hold reason; a call state of Hold or Connected holds or unholds.</summary>
    [Alias("Patch")]
    Task<RoutingResult<SessionInfo>> Patch(SessionCaller caller, PatchSession request);

    /// <summary>Ends the session, hanging up every live leg.</summary>
    [Alias("End")]
    Task<RoutingResult<SessionInfo>> End(SessionCaller caller, EndSession request);

    /// <summary>Holds one participant (the given leg, else the session's call).</summary>
    [Alias("Hold")]
    Task<RoutingResult<SessionInfo>> Hold(SessionCaller caller, HoldSession request);

    /// <summary>Takes a held participant off hold.</summary>
    [Alias("Unhold")]
    Task<RoutingResult<SessionInfo>> Unhold(SessionCaller caller, UnholdSession request);

    /// <summary>Blind transfer: the session's call leaves for <see cref="RedirectSession.Destination"/>.</summary>
    [Alias("Redirect")]
    Task<RoutingResult<SessionInfo>> Redirect(SessionCaller caller, RedirectSession request);

    /// <summary>Dials a member into the session's conference, making the call a conference first if needed.</summary>
    [Alias("AddConferenceMember")]
    Task<RoutingResult<SessionInfo>> AddConferenceMember(SessionCaller caller, AddConferenceMember request);

    /// <summary>Takes a conference member's leg out of the call.</summary>
    [Alias("RemoveConferenceMember")]
    Task<RoutingResult<SessionInfo>> RemoveConferenceMember(SessionCaller caller, RemoveConferenceMember request);

    /// <summary>Invites a chat member by phone number (a text message) or user id.</summary>
    [Alias("InviteChatMember")]
    Task<RoutingResult<SessionInfo>> InviteChatMember(SessionCaller caller, InviteChatMember request);

    /// <summary>Removes a chat member.</summary>
    [Alias("RemoveChatMember")]
    Task<RoutingResult<SessionInfo>> RemoveChatMember(SessionCaller caller, DeleteChatMember request);

    /// <summary>Dials a worker into the session's conference as its agent; answers with the worker's leg in the members.</summary>
    [Alias("ConnectAgent")]
    Task<RoutingResult<SessionInfo>> ConnectAgent(AgentConnection connection);

    /// <summary>Holds or mutes one participant's leg.</summary>
    [Alias("UpdateParticipant")]
    Task<RoutingResult<SessionInfo>> UpdateParticipant(ParticipantUpdate update);

    /// <summary>Takes in a leg's new state (from its call grain); an inbound leg not yet known starts the session.</summary>
    [Alias("ApplyCallLeg")]
    Task ApplyCallLeg(CallLegUpdate update);
}
