using Orleans;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary><c>POST /sessions/{sessionId}/conference/members</c>: make the call a conference if it is not one yet and dial a member into it.</summary>
[GenerateSerializer, Alias("telephony.AddConferenceMember"), Immutable]
public sealed record AddConferenceMember : ISessionRequest
{
    /// <summary>The active session.</summary>
    [Id(0)]
    public string? SessionId { get; init; }

    /// <summary>The active call leg on the agent's device.</summary>
    [Id(1)]
    public string? CallSid { get; init; }

    /// <summary>Who to invite: an E.164 number or a user id (email).</summary>
    [Id(2)]
    public string? Destination { get; init; }

    /// <summary>Caller id to present (E.164); the account's default when absent.</summary>
    [Id(3)]
    public string? FromNumber { get; init; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string[]> Validate() =>
        new RequestErrors()
            .Required("sessionId", SessionId)
            .RequiredAddress("destination", Destination)
            .PhoneNumber("fromNumber", FromNumber)
            .ToDictionary();
}
