namespace Telephony.Providers.Simulator;

/// <summary>What a live simulated leg is doing right now.</summary>
public enum SimulatedCallActivity
{
    /// <summary>Nothing: ringing, or between instructions.</summary>
    Idle,

    /// <summary>Waiting for our webhook to answer with TwiML or BXML.</summary>
    AwaitingInstructions,

    /// <summary>Speaking a <c>&lt;Say&gt;</c> or <c>&lt;SpeakSentence&gt;</c>.</summary>
    Speaking,

    /// <summary>In a conference.</summary>
    InConference,

    /// <summary>Dialling a number for a <c>&lt;Dial&gt;</c> or <c>&lt;Transfer&gt;</c>.</summary>
    Dialing,

    /// <summary>Bridged to the leg its <c>&lt;Dial&gt;</c> or <c>&lt;Transfer&gt;</c> reached.</summary>
    Bridged,
}
