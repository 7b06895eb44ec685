using Telephony.GrainInterfaces.Calls;

namespace Telephony.Providers.Simulator;

/// <summary>
/// One provider's side of the simulation: its ids, where it sends which callbacks and in what wire format, how it
/// authenticates them, and how it reads our answers. The engine decides what happens; a dialect only says how the
/// provider would report it (null or nothing where that provider sends no callback).
/// </summary>
internal interface ISimulatorDialect
{
    /// <summary>A new leg id.</summary>
    string NewCallId();

    /// <summary>A new conference id.</summary>
    string NewConferenceId();

    /// <summary>True when a dial into a conference answers with the conference's id (Twilio's participant API does).</summary>
    bool ReportsConferenceOnDial { get; }

    /// <summary>
    /// Sets where a leg placed by <paramref name="dial"/> asks for instructions (the dial's Url, marked as a command's, or
    /// our voice webhook) and reports, or what it runs on answer.
    /// </summary>
    void RouteOutbound(CallLeg leg, DialCommand dial);

    /// <summary>Sets where an arriving leg asks for instructions and reports (the number's or application's URLs).</summary>
    void RouteInbound(CallLeg leg);

    /// <summary>Sets where a leg placed by another leg's <paramref name="dial"/> reports.</summary>
    void RouteTransfer(CallLeg leg, DialVerb dial);

    /// <summary>True when <paramref name="room"/>, not yet started, starts with its current members.</summary>
    bool Starts(ConferenceRoom room);

    /// <summary>The verbs of an answer our webhook gave at <paramref name="source"/>.</summary>
    /// <exception cref="MarkupFormatException">The answer cannot be run.</exception>
    IReadOnlyList<SimulatorVerb> ReadInstructions(string markup, Uri source);

    /// <summary>How <paramref name="leg"/> gets <paramref name="instruction"/> when a command moves it: verbs directly, or a request to our webhook.</summary>
    Redirection Redirect(CallLeg leg, CallInstruction instruction);

    /// <summary>The request that asks <paramref name="url"/>, which a command named, what the moved <paramref name="leg"/> does next.</summary>
    OutgoingCallback RedirectToUrl(CallLeg leg, Uri url);

    /// <summary>The leg reached its current <see cref="CallLeg.Status"/> (initiated, ringing, answered).</summary>
    OutgoingCallback? Progress(CallLeg leg);

    /// <summary>The leg ended.</summary>
    OutgoingCallback? Ended(CallLeg leg);

    /// <summary>The request that asks our webhook what <paramref name="leg"/> does next.</summary>
    OutgoingCallback AskInstructions(CallLeg leg, InstructionReason reason);

    /// <summary>A leg joined; <paramref name="started"/> when its joining started the conference.</summary>
    IReadOnlyList<OutgoingCallback> Joined(ConferenceRoom room, ConferenceMember member, CallLeg leg, bool started);

    /// <summary>A leg left.</summary>
    OutgoingCallback? Left(ConferenceRoom room, ConferenceMember member, CallLeg leg, LeaveReason reason);

    /// <summary>The conference ended; <paramref name="ending"/> is the member whose leaving ended it.</summary>
    OutgoingCallback? ConferenceEnded(ConferenceRoom room, ConferenceEndReason reason, ConferenceMember? ending);

    /// <summary>A participant was held, unheld, muted or unmuted.</summary>
    OutgoingCallback? ParticipantChanged(ConferenceRoom room, ConferenceMember member, ParticipantChange change);

    /// <summary>A leg placed by a dial instruction answered and is bridged to its parent.</summary>
    OutgoingCallback? TransferAnswered(CallLeg leg);

    /// <summary>The request asking for <paramref name="parent"/>'s next instructions after its dial to <paramref name="leg"/> ended; null to go on with its remaining verbs.</summary>
    OutgoingCallback? TransferCompleted(CallLeg parent, CallLeg leg, DialVerb dial);
}

/// <summary>How a moved leg gets its new instructions: <paramref name="Verbs"/> to run, or a <paramref name="Request"/> to ask.</summary>
internal sealed record Redirection(IReadOnlyList<SimulatorVerb>? Verbs, OutgoingCallback? Request);
