namespace Telephony.Providers.Bandwidth;

/// <summary>A callback body is not a Bandwidth callback we can read; the webhook answers 400.</summary>
public sealed class BandwidthCallbackFormatException(string message, Exception? inner = null)
    : FormatException(message, inner);
