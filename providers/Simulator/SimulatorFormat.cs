namespace Telephony.Providers.Simulator;

/// <summary>Which provider's wire format the simulator speaks to our webhooks.</summary>
public enum SimulatorFormat
{
    /// <summary>Twilio: form-encoded callbacks signed with <c>X-Twilio-Signature</c>, TwiML answers.</summary>
    Twilio,

    /// <summary>Bandwidth: JSON callbacks with HTTP Basic callback credentials, BXML answers.</summary>
    Bandwidth,
}
