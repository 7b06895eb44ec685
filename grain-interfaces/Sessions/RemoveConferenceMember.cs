namespace Telephony.GrainInterfaces.Sessions;

/// <summary><c>DELETE /sessions/{sessionId}/conference/members/{callSid}</c>: drop one participant from the conference.</summary>
public sealed record RemoveConferenceMember : ISessionRequest
{
    /// <summary>The session.</summary>
    public string? SessionId { get; init; }

    /// <summary>The participant's call leg.</summary>
    public string? CallSid { get; init; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string[]> Validate() =>
        new RequestErrors().Required("sessionId", SessionId).Required("callSid", CallSid).ToDictionary();
}
