using System.Xml.Linq;

namespace Telephony.Providers.Simulator;

/// <summary>
/// Reads the BXML our webhooks answer into the verbs the simulator plays: <c>&lt;SpeakSentence&gt;</c>,
/// <c>&lt;Hangup/&gt;</c>, <c>&lt;Conference&gt;</c> and <c>&lt;Transfer&gt;</c>. Of a transfer's numbers only the first
/// is rung. Verbs it does not play (<c>&lt;PlayAudio&gt;</c>, <c>&lt;Pause&gt;</c>…) are skipped, as if they took no time.
/// </summary>
internal static class BxmlReader
{
    /// <summary>The verbs of <paramref name="bxml"/>, fetched from <paramref name="source"/>.</summary>
    /// <exception cref="MarkupFormatException">The document is not BXML the simulator can run.</exception>
    public static IReadOnlyList<SimulatorVerb> Read(string bxml, Uri source)
    {
        List<SimulatorVerb> verbs = [];
        foreach (var element in Markup.ParseResponse(bxml).Elements())
        {
            SimulatorVerb? verb = element.Name.LocalName switch
            {
                "SpeakSentence" => new SayVerb(Markup.Text(element)),
                "Hangup" => new HangupVerb(),
                "Conference" => Conference(element, source),
                "Transfer" => Transfer(element, source),
                _ => null,
            };
            if (verb is not null)
            {
                verbs.Add(verb);
            }
        }

        return verbs;
    }

    private static ConferenceVerb Conference(XElement conference, Uri source) => new(Markup.Text(conference))
    {
        Muted = Markup.Bool(conference, "mute", fallback: false),
        Hold = Markup.Bool(conference, "hold", fallback: false),
        Label = (string?)conference.Attribute("tag"),
        Events = Target(conference, "conferenceEventUrl", source),
    };

    private static DialVerb? Transfer(XElement transfer, Uri source)
    {
        var number = transfer.Elements().FirstOrDefault(e => e.Name.LocalName is "PhoneNumber" or "SipUri");
        return number is null
            ? null
            : new DialVerb(Markup.Text(number))
            {
                CallerId = (string?)transfer.Attribute("transferCallerId"),
                TimeoutSeconds = Markup.Int(transfer, "callTimeout", 30),
                CompleteEvents = Target(transfer, "transferCompleteUrl", source),
                AnswerEvents = Target(number, "transferAnswerUrl", source),
                DisconnectEvents = Target(number, "transferDisconnectUrl", source),
            };
    }

    // Bandwidth sends the credentials given on the same element as the URL.
    private static CallbackTarget? Target(XElement element, string urlAttribute, Uri source) =>
        Markup.Url(element, urlAttribute, source) is { } url
            ? new CallbackTarget(url, (string?)element.Attribute("username"), (string?)element.Attribute("password"))
            : null;
}
