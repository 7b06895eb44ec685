using System.Text.Json.Serialization;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary>
/// Source-generated JSON for the Evo Voice session contract: camelCase names, enums as their names
/// (through <see cref="SessionEnumConverter{TEnum}"/> on each enum), every property written even when null.
/// </summary>
/// <remarks>
/// Property names are read ignoring case because Evo Voice's server does and some of its generated clients
/// send PascalCase. Use this context's own type infos (<c>SessionJsonContext.Default.SessionInfo</c>):
/// added to another options' resolver chain it would take that options' naming and null handling instead.
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(SessionInfo))]
[JsonSerializable(typeof(SessionMemberInfo))]
[JsonSerializable(typeof(SessionLogInfo))]
[JsonSerializable(typeof(CustomerBreadcrumb))]
[JsonSerializable(typeof(SessionList))]
[JsonSerializable(typeof(ListSessionsResponse))]
[JsonSerializable(typeof(SessionDialState))]
[JsonSerializable(typeof(SessionCallState))]
[JsonSerializable(typeof(SessionQueueStates))]
[JsonSerializable(typeof(FlowChannels))]
[JsonSerializable(typeof(SessionHoldReasons))]
[JsonSerializable(typeof(SessionMemberCallState))]
[JsonSerializable(typeof(SessionMemberRoles))]
[JsonSerializable(typeof(SessionDirections))]
[JsonSerializable(typeof(ListSessions))]
[JsonSerializable(typeof(GetSession))]
[JsonSerializable(typeof(NewSession))]
[JsonSerializable(typeof(NewOutgoingSession))]
[JsonSerializable(typeof(PatchSession))]
[JsonSerializable(typeof(EndSession))]
[JsonSerializable(typeof(HoldSession))]
[JsonSerializable(typeof(UnholdSession))]
[JsonSerializable(typeof(RedirectSession))]
[JsonSerializable(typeof(AddConferenceMember))]
[JsonSerializable(typeof(RemoveConferenceMember))]
[JsonSerializable(typeof(InviteChatMember))]
[JsonSerializable(typeof(DeleteChatMember))]
public sealed partial class SessionJsonContext : JsonSerializerContext;
