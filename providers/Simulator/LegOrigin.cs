namespace Telephony.Providers.Simulator;

/// <summary>How a leg came to be, in the detail providers report (Twilio's <c>Direction</c>).</summary>
internal enum LegOrigin
{
    /// <summary>Called us from outside.</summary>
    Inbound,

    /// <summary>Placed by a dial command (Twilio <c>outbound-api</c>).</summary>
    OutboundApi,

    /// <summary>Placed by another leg's <c>&lt;Dial&gt;</c> or <c>&lt;Transfer&gt;</c> (Twilio <c>outbound-dial</c>).</summary>
    OutboundDial,
}
