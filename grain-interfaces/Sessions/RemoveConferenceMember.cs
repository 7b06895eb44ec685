using Orleans;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary><c>DELETE /sessions/{sessionId}/conference/members/{callSid}</c>: drop one participant from the conference.</summary>
[GenerateSerializer, Alias("telephony.RemoveConferenceMember"), Immutable]
public sealed record RemoveConferenceMember : ISessionRequest
{
    /// <summary>The session.</summary>
    [Id(0)]
    public string? SessionId { get; init; }

    /// <summary>The participant's call leg.</summary>
    [Id(1)]
    public string? CallSid { get; init; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string[]> Validate() =>
        new RequestErrors().Required("sessionId", SessionId).Required("callSid", CallSid).ToDictionary();
}
