using Orleans;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary><c>POST /sessions/outgoing</c>: place an outbound voice call.</summary>
[GenerateSerializer, Alias("telephony.NewOutgoingSession"), Immutable]
public sealed record NewOutgoingSession : ISessionRequest
{
    /// <summary>The number to dial, E.164.</summary>
    [Id(0)]
    public string? NumberToDial { get; init; }

    /// <summary>Caller id to present, E.164 (one of the account's numbers); the account's default when absent.</summary>
    [Id(1)]
    public string? CallerId { get; init; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string[]> Validate() =>
        new RequestErrors()
            .RequiredPhoneNumber("numberToDial", NumberToDial)
            .PhoneNumber("callerId", CallerId)
            .ToDictionary();
}
