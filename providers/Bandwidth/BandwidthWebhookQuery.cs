using Telephony.GrainInterfaces.Calls;
using Telephony.GrainInterfaces.Sessions;

namespace Telephony.Providers.Bandwidth;

/// <summary>
/// Query parameters we put on our own voice webhook URL (answerUrl, redirectUrl) to tell the webhook
/// what BXML to answer when Bandwidth calls it back, since Bandwidth cannot take BXML in those requests.
/// </summary>
public static class BandwidthWebhookQuery
{
    private const int MaxSipUriLength = 256;

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

    /// <summary>
    /// The parameter that <see cref="InstructionFor"/> could not write into BXML as asked, with what is wrong with it;
    /// null when every value fits its use. A request with one must be refused before it has any effect.
    /// </summary>
    public static (string Parameter, string Message)? Invalid(string? conference, string? transferTo, string? callerId)
    {
        if (!string.IsNullOrEmpty(conference))
        {
            return BandwidthConferenceName.IsValid(conference) ? null : (Conference, ProviderIdentifier.Invalid(Conference, BandwidthConferenceName.MaxLength));
        }

        if (string.IsNullOrEmpty(transferTo))
        {
            return null;
        }

        if (!IsTransferTarget(transferTo))
        {
            return (TransferTo, $"'{TransferTo}' must be a phone number in E.164 form, a user id or a sip: URI.");
        }

        return callerId is null || E164.IsValid(callerId) ? null : (CallerId, $"'{CallerId}' must be a phone number in E.164 form.");
    }

    /// <summary>What our transfers dial: a number, a user, or a SIP URI of visible ASCII (nothing XML cannot carry).</summary>
    private static bool IsTransferTarget(string target) =>
        SessionAddress.IsValid(target)
        || (target.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) && target.Length is > 4 and <= MaxSipUriLength && target.All(c => c is > ' ' and < '\u007f'));
}
