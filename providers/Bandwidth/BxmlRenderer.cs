using System.Text;
using System.Xml;
using System.Xml.Linq;
using Telephony.GrainInterfaces.Calls;

namespace Telephony.Providers.Bandwidth;

/// <summary>
/// Writes call instructions as Bandwidth BXML. Every verb that makes Bandwidth call back points at our
/// voice webhook with the account's callback credentials, so those callbacks authenticate like the rest.
/// </summary>
/// <remarks>
/// Bandwidth's <c>&lt;Conference&gt;</c> has no wait URL, no "start on enter" and no "end on exit": a conference
/// starts with its first member and runs until its last leaves or it is completed over REST. So a caller
/// simply joins and waiting audio is the conference's business (for example a hold member playing audio);
/// <see cref="JoinConferenceInstruction.WaitUrl"/>, <see cref="JoinConferenceInstruction.StartConferenceOnEnter"/>
/// and <see cref="JoinConferenceInstruction.EndConferenceOnExit"/> are not rendered, and ending the
/// conference when a leg leaves is done with <see cref="EndConferenceCommand"/>.
/// </remarks>
public sealed class BxmlRenderer : ICallInstructionRenderer
{
    private static readonly XmlWriterSettings WriterSettings = new() { Encoding = new UTF8Encoding(false) };

    private readonly string _voiceWebhook;
    private readonly string _callbackUsername;
    private readonly string _callbackPassword;

    /// <summary>Creates a renderer whose callbacks reach <paramref name="publicBaseUrl"/> with the account's callback credentials.</summary>
    public BxmlRenderer(Uri publicBaseUrl, string callbackUsername, string callbackPassword)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        ArgumentNullException.ThrowIfNull(callbackUsername);
        ArgumentNullException.ThrowIfNull(callbackPassword);
        _voiceWebhook = WebhookPaths.Combine(publicBaseUrl, WebhookPaths.BandwidthVoice).AbsoluteUri;
        _callbackUsername = callbackUsername;
        _callbackPassword = callbackPassword;
    }

    /// <inheritdoc />
    public string ContentType => "application/xml";

    /// <inheritdoc />
    public string Render(IReadOnlyList<CallInstruction> instructions)
    {
        ArgumentNullException.ThrowIfNull(instructions);
        var document = new XDocument(new XElement("Response", instructions.Select(Verb)));
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, WriterSettings))
        {
            document.Save(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private XElement Verb(CallInstruction instruction) => instruction switch
    {
        JoinConferenceInstruction join => Conference(join),
        DialInstruction dial => Transfer(dial),
        SayInstruction say => new XElement("SpeakSentence", say.Text),
        HangupInstruction => new XElement("Hangup"),
        _ => throw new ArgumentException($"BXML has no verb for {instruction.GetType().Name}.", nameof(instruction)),
    };

    private XElement Conference(JoinConferenceInstruction join)
    {
        BandwidthConferenceName.EnsureValid(join.ConferenceName, nameof(join));
        return new XElement(
            "Conference",
            new XAttribute("mute", join.Muted),
            new XAttribute("conferenceEventUrl", _voiceWebhook),
            Credentials(),
            join.ConferenceName);
    }

    // transferComplete runs the A-leg's next BXML; transferAnswer and transferDisconnect report the B-leg.
    private XElement Transfer(DialInstruction dial)
    {
        var target = new XElement(
            dial.To.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) ? "SipUri" : "PhoneNumber",
            new XAttribute("transferAnswerUrl", _voiceWebhook),
            new XAttribute("transferDisconnectUrl", _voiceWebhook),
            Credentials(),
            dial.To);
        return new XElement(
            "Transfer",
            dial.CallerId is null ? null : new XAttribute("transferCallerId", dial.CallerId),
            new XAttribute("transferCompleteUrl", _voiceWebhook),
            Credentials(),
            target);
    }

    private XAttribute[] Credentials() =>
        [new XAttribute("username", _callbackUsername), new XAttribute("password", _callbackPassword)];
}
