using Telephony.GrainInterfaces.Calls;

namespace Telephony.Providers.Bandwidth;

/// <summary>
/// Query parameters we put on our own voice webhook URL (answerUrl, redirectUrl) to tell the webhook
/// what BXML to answer when Bandwidth calls it back, since Bandwidth cannot take BXML in those requests.
/// </summary>
public static class BandwidthWebhookQuery
{
    /// <summary>Conference name: answer with <c>&lt;Conference&gt;</c>.</summary>
    public const string Conference = "conference";

    /// <summary>Transfer destination: answer with <c>&lt;Transfer&gt;</c>.</summary>
    public const string TransferTo = "transferTo";

    /// <summary>Caller id for the transfer in <see cref="TransferTo"/>.</summary>
    public const string CallerId = "callerId";

    /// <summary>The query that puts the call into conference <paramref name="conferenceName"/>.</summary>
    public static string ForConference(string conferenceName)
    {
        BandwidthConferenceName.EnsureValid(conferenceName, nameof(conferenceName));
        return $"{Conference}={Uri.EscapeDataString(conferenceName)}";
    }

    /// <summary>The query that transfers the call to <paramref name="destination"/>.</summary>
    public static string ForTransfer(string destination, string? callerId)
    {
        var query = $"{TransferTo}={Uri.EscapeDataString(destination)}";
        return callerId is null ? query : $"{query}&{CallerId}={Uri.EscapeDataString(callerId)}";
    }

    /// <summary>
    /// The instruction a voice webhook request asks for, from its already-decoded query values; null when it asks for
    /// neither (the webhook then decides itself, for example for an inbound call).
    /// </summary>
    public static CallInstruction? InstructionFor(string? conference, string? transferTo, string? callerId)
    {
        if (!string.IsNullOrEmpty(conference))
        {
            return new JoinConferenceInstruction(conference);
        }

        return string.IsNullOrEmpty(transferTo) ? null : new DialInstruction(transferTo) { CallerId = callerId };
    }
}
