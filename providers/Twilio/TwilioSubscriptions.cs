namespace Telephony.Providers.Twilio;

/// <summary>The callback events we ask Twilio for, shared by the REST client and TwiML.</summary>
internal static class TwilioSubscriptions
{
    /// <summary>Call progress events (<c>StatusCallbackEvent</c>).</summary>
    public static readonly IReadOnlyList<string> CallProgressEvents = ["initiated", "ringing", "answered", "completed"];

    /// <summary>Conference events (<c>ConferenceStatusCallbackEvent</c>, TwiML <c>statusCallbackEvent</c>).</summary>
    public static readonly IReadOnlyList<string> ConferenceEvents = ["start", "end", "join", "leave", "mute", "hold"];
}
