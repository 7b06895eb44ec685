namespace Telephony.Providers.Bandwidth;

/// <summary>A callback body is not a Bandwidth callback we can read; the webhook answers 400 naming <see cref="Field"/>.</summary>
public sealed class BandwidthCallbackFormatException : FormatException
{
    /// <summary>The body as a whole is at fault.</summary>
    public const string BodyField = "body";

    /// <summary>A fault of the body as a whole.</summary>
    public BandwidthCallbackFormatException(string message, Exception? inner = null)
        : this(BodyField, message, inner)
    {
    }

    /// <summary>A fault of one field of the body.</summary>
    public BandwidthCallbackFormatException(string field, string message, Exception? inner)
        : base(message, inner) => Field = field;

    /// <summary>The JSON field at fault, or <see cref="BodyField"/>.</summary>
    public string Field { get; }
}
