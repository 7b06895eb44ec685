using System.Xml.Linq;

namespace Telephony.Providers.Simulator;

/// <summary>
/// Reads the TwiML our webhooks answer into the verbs the simulator plays: <c>&lt;Say&gt;</c>, <c>&lt;Hangup/&gt;</c>,
/// and <c>&lt;Dial&gt;</c> with a <c>&lt;Conference&gt;</c> or <c>&lt;Number&gt;</c> (or a bare number). Verbs and nouns it
/// does not play (<c>&lt;Play&gt;</c>, <c>&lt;Pause&gt;</c>, <c>&lt;Client&gt;</c>…) are skipped, as if they took no time.
/// </summary>
internal static class TwimlReader
{
    /// <summary>Twilio's conference events when <c>statusCallbackEvent</c> is not given.</summary>
    private static readonly IReadOnlySet<string> DefaultConferenceEvents = new HashSet<string>(["start", "end"], StringComparer.Ordinal);

    /// <summary>The verbs of <paramref name="twiml"/>, fetched from <paramref name="source"/>.</summary>
    /// <exception cref="MarkupFormatException">The document is not TwiML the simulator can run.</exception>
    public static IReadOnlyList<SimulatorVerb> Read(string twiml, Uri source)
    {
        List<SimulatorVerb> verbs = [];
        foreach (var element in Markup.ParseResponse(twiml).Elements())
        {
            SimulatorVerb? verb = element.Name.LocalName switch
            {
                "Say" => new SayVerb(Markup.Text(element)),
                "Hangup" => new HangupVerb(),
                "Dial" => Dial(element, source),
                _ => null,
            };
            if (verb is not null)
            {
                verbs.Add(verb);
            }
        }

        return verbs;
    }

    private static SimulatorVerb? Dial(XElement dial, Uri source)
    {
        var noun = dial.Elements().FirstOrDefault();
        if (noun is null)
        {
            return new DialVerb(Markup.Text(dial)) { CallerId = (string?)dial.Attribute("callerId"), TimeoutSeconds = Markup.Int(dial, "timeout", 30) };
        }

        return noun.Name.LocalName switch
        {
            "Conference" => Conference(noun, source),
            "Number" => new DialVerb(Markup.Text(noun)) { CallerId = (string?)dial.Attribute("callerId"), TimeoutSeconds = Markup.Int(dial, "timeout", 30) },
            _ => null,
        };
    }

    private static ConferenceVerb Conference(XElement conference, Uri source)
    {
        var statusCallback = Markup.Url(conference, "statusCallback", source);
        var events = (string?)conference.Attribute("statusCallbackEvent");
        return new ConferenceVerb(Markup.Text(conference))
        {
            StartConferenceOnEnter = Markup.Bool(conference, "startConferenceOnEnter", fallback: true),
            EndConferenceOnExit = Markup.Bool(conference, "endConferenceOnExit", fallback: false),
            Muted = Markup.Bool(conference, "muted", fallback: false),
            Label = (string?)conference.Attribute("participantLabel"),
            Events = statusCallback is null ? null : new CallbackTarget(statusCallback),
            Subscribed = events is null
                ? DefaultConferenceEvents
                : new HashSet<string>(events.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal),
        };
    }
}
