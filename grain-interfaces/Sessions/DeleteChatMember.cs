using Orleans;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary>
/// <c>DELETE /sessions/{sessionId}/members/{memberId}</c>: remove a member from a chat session. The route's
/// <c>memberId</c> binds to <see cref="MemberToRemove"/>, the name Evo Voice's generated clients send as a query value.
/// </summary>
[GenerateSerializer, Alias("telephony.DeleteChatMember"), Immutable]
public sealed record DeleteChatMember : ISessionRequest
{
    /// <summary>The chat session.</summary>
    [Id(0)]
    public string? SessionId { get; init; }

    /// <summary>The member's identity, as in <see cref="SessionMemberInfo.Identity"/>.</summary>
    [Id(1)]
    public string? MemberToRemove { get; init; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string[]> Validate() =>
        new RequestErrors().Required("sessionId", SessionId).Required("memberToRemove", MemberToRemove).ToDictionary();
}
