namespace Telephony.Providers.Twilio;

/// <summary>A Twilio callback lacks a required field or carries an unreadable value; the endpoint answers 400.</summary>
public sealed class TwilioCallbackFormatException(string field, string message) : FormatException(message)
{
    /// <summary>The form field at fault.</summary>
    public string Field { get; } = field;
}
