namespace Telephony.GrainInterfaces.Sessions;

/// <summary><c>POST /sessions/{sessionId}/conference/members</c>: make the call a conference if it is not one yet and dial a member into it.</summary>
public sealed record AddConferenceMember : ISessionRequest
{
    /// <summary>The active session.</summary>
    public string? SessionId { get; init; }

    /// <summary>The active call leg on the agent's device.</summary>
    public string? CallSid { get; init; }

    /// <summary>Who to invite: an E.164 number or a user id (email).</summary>
    public string? Destination { get; init; }

    /// <summary>Caller id to present (E.164); the account's default when absent.</summary>
    public string? FromNumber { get; init; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string[]> Validate() =>
        new RequestErrors()
            .Required("sessionId", SessionId)
            .RequiredAddress("destination", Destination)
            .PhoneNumber("fromNumber", FromNumber)
            .ToDictionary();
}
