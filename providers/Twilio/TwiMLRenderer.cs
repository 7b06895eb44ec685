using System.Xml.Linq;
using Telephony.GrainInterfaces.Calls;
using Twilio.TwiML;
using Twilio.Types;
// Aliased: Twilio.TwiML.Voice also has a Task type, which would hide System.Threading.Tasks.Task.
using Conference = Twilio.TwiML.Voice.Conference;
using Dial = Twilio.TwiML.Voice.Dial;

namespace Telephony.Providers.Twilio;

/// <summary>Writes call instructions as TwiML with the Twilio library, for voice webhook responses and for the REST <c>Twiml</c> parameter.</summary>
/// <param name="publicBaseUrl">Our public base URL; conference status callbacks are sent under it.</param>
public sealed class TwiMLRenderer(Uri publicBaseUrl) : ICallInstructionRenderer
{
    /// <summary>The conference events we subscribe to, as TwiML names them.</summary>
    private static readonly Conference.EventEnum[] ConferenceStatusCallbackEvents =
        [.. TwilioSubscriptions.ConferenceEvents.Select(e => (Conference.EventEnum)e)];

    private readonly Uri _conferenceStatusCallback = new(WebhookPaths.Combine(publicBaseUrl, WebhookPaths.TwilioConference).AbsoluteUri);

    /// <inheritdoc />
    public string ContentType => "application/xml";

    /// <inheritdoc />
    public string Render(IReadOnlyList<CallInstruction> instructions)
    {
        ArgumentNullException.ThrowIfNull(instructions);
        var response = new VoiceResponse();
        foreach (var instruction in instructions)
        {
            Append(response, instruction);
        }

        return response.ToString(SaveOptions.DisableFormatting);
    }

    private void Append(VoiceResponse response, CallInstruction instruction)
    {
        switch (instruction)
        {
            case JoinConferenceInstruction join:
                response.Append(new Dial().Append(Conference(join)));
                break;
            case DialInstruction dial:
                response.Append(new Dial(callerId: dial.CallerId).Number(new PhoneNumber(dial.To)));
                break;
            case SayInstruction say:
                response.Say(say.Text);
                break;
            case HangupInstruction:
                response.Hangup();
                break;
            default:
                throw new ArgumentException($"TwiML has no rendering for {instruction.GetType().Name}.", nameof(instruction));
        }
    }

    private Conference Conference(JoinConferenceInstruction join) => new(
        join.ConferenceName,
        muted: join.Muted,
        startConferenceOnEnter: join.StartConferenceOnEnter,
        endConferenceOnExit: join.EndConferenceOnExit,
        waitUrl: join.WaitUrl is { } waitUrl ? new Uri(waitUrl, UriKind.RelativeOrAbsolute) : null,
        statusCallbackEvent: ConferenceStatusCallbackEvents,
        statusCallback: _conferenceStatusCallback);
}
