using Orleans;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary><c>POST /sessions</c>: start a voice call or a chat from the agent's side.</summary>
[GenerateSerializer, Alias("telephony.NewSession"), Immutable]
public sealed record NewSession : ISessionRequest
{
    /// <summary>Voice or Chat (Fax sessions cannot be started here).</summary>
    [Id(0)]
    public FlowChannels Channel { get; init; }

    /// <summary>Who to reach: an E.164 number or a user id (email).</summary>
    [Id(1)]
    public string? Destination { get; init; }

    /// <summary>Caller id (or SMS sender) to present, E.164; the account's default when absent.</summary>
    [Id(2)]
    public string? CallerId { get; init; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new RequestErrors();
        if (Channel is not (FlowChannels.Voice or FlowChannels.Chat))
        {
            errors.Add("channel", "'channel' must be Voice or Chat.");
        }

        return errors.RequiredAddress("destination", Destination).PhoneNumber("callerId", CallerId).ToDictionary();
    }
}
