using System.Xml.Linq;
using Telephony.GrainInterfaces.Calls;

namespace Telephony.Providers.Twilio;

/// <summary>Writes call instructions as TwiML, for voice webhook responses and for the REST <c>Twiml</c> parameter.</summary>
/// <param name="publicBaseUrl">Our public base URL; conference status callbacks are sent under it.</param>
public sealed class TwiMLRenderer(Uri publicBaseUrl) : ICallInstructionRenderer
{
    /// <summary>The conference events we subscribe to, space-separated as TwiML wants them.</summary>
    private static readonly string ConferenceStatusCallbackEvents = string.Join(' ', TwilioSubscriptions.ConferenceEvents);

    private readonly string _conferenceStatusCallback = WebhookPaths.Combine(publicBaseUrl, WebhookPaths.TwilioConference).AbsoluteUri;

    /// <inheritdoc />
    public string ContentType => "application/xml";

    /// <inheritdoc />
    public string Render(IReadOnlyList<CallInstruction> instructions)
    {
        ArgumentNullException.ThrowIfNull(instructions);
        return new XElement("Response", instructions.Select(ToVerb)).ToString(SaveOptions.DisableFormatting);
    }

    private XElement ToVerb(CallInstruction instruction) => instruction switch
    {
        JoinConferenceInstruction join => new XElement("Dial", Conference(join)),
        DialInstruction dial => new XElement(
            "Dial",
            dial.CallerId is { } callerId ? new XAttribute("callerId", callerId) : null,
            new XElement("Number", dial.To)),
        SayInstruction say => new XElement("Say", say.Text),
        HangupInstruction => new XElement("Hangup"),
        _ => throw new ArgumentException($"TwiML has no rendering for {instruction.GetType().Name}.", nameof(instruction)),
    };

    private XElement Conference(JoinConferenceInstruction join) => new(
        "Conference",
        new XAttribute("startConferenceOnEnter", join.StartConferenceOnEnter),
        new XAttribute("endConferenceOnExit", join.EndConferenceOnExit),
        new XAttribute("muted", join.Muted),
        join.WaitUrl is { } waitUrl ? new XAttribute("waitUrl", waitUrl) : null,
        new XAttribute("statusCallback", _conferenceStatusCallback),
        new XAttribute("statusCallbackEvent", ConferenceStatusCallbackEvents),
        join.ConferenceName);
}
