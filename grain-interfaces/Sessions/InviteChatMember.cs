using Orleans;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary><c>POST /sessions/{sessionId}/members</c>: add a member to a chat session.</summary>
[GenerateSerializer, Alias("telephony.InviteChatMember"), Immutable]
public sealed record InviteChatMember : ISessionRequest
{
    /// <summary>The chat session.</summary>
    [Id(0)]
    public string? SessionId { get; init; }

    /// <summary>Who to add: a cell number in E.164 or a user id (email).</summary>
    [Id(1)]
    public string? MemberToAdd { get; init; }

    /// <summary>Number to text from (E.164) when the member is a cell number; the account's default when absent.</summary>
    [Id(2)]
    public string? CallerId { get; init; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string[]> Validate() =>
        new RequestErrors()
            .Required("sessionId", SessionId)
            .RequiredAddress("memberToAdd", MemberToAdd)
            .PhoneNumber("callerId", CallerId)
            .ToDictionary();
}
