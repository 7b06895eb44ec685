namespace Telephony.Providers.Simulator;

/// <summary>Our webhook answered TwiML or BXML the simulated provider cannot run.</summary>
internal sealed class MarkupFormatException(string message, Exception? inner = null) : FormatException(message, inner);
