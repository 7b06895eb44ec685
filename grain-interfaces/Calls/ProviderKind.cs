namespace Telephony.GrainInterfaces.Calls;

/// <summary>Which telephony provider an account runs on.</summary>
public enum ProviderKind
{
    /// <summary>The built-in sandbox that plays a provider's side on this machine.</summary>
    Simulator,

    /// <summary>Twilio Programmable Voice.</summary>
    Twilio,

    /// <summary>Bandwidth Voice API v2.</summary>
    Bandwidth,
}
