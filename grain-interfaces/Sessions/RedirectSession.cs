using Orleans;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary><c>POST /sessions/{sessionId}/redirect</c>: send the session's call to a new destination.</summary>
[GenerateSerializer, Alias("telephony.RedirectSession"), Immutable]
public sealed record RedirectSession : ISessionRequest
{
    /// <summary>The session.</summary>
    [Id(0)]
    public string? SessionId { get; init; }

    /// <summary>Where the call goes: an E.164 number or a user id (email).</summary>
    [Id(1)]
    public string? Destination { get; init; }

    /// <summary>Caller id to present (E.164); the call's own when absent.</summary>
    [Id(2)]
    public string? CallerId { get; init; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string[]> Validate() =>
        new RequestErrors()
            .Required("sessionId", SessionId)
            .RequiredAddress("destination", Destination)
            .PhoneNumber("callerId", CallerId)
            .ToDictionary();
}
