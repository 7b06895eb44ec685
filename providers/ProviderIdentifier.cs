using System.Buffers;

namespace Telephony.Providers;

/// <summary>
/// The shape of the ids providers give calls and conferences, and of the conference names we choose: letters,
/// digits, <c>-</c>, <c>_</c> and <c>.</c>. Callbacks are checked against it where they enter, because these ids
/// become grain keys and conference names that are written back into TwiML and BXML.
/// </summary>
public static class ProviderIdentifier
{
    /// <summary>The longest call or conference id a callback may carry (Twilio's are 34 characters, Bandwidth's 47).</summary>
    public const int MaxIdLength = 64;

    /// <summary>The longest conference name (Bandwidth's limit; we give conferences the same names on every provider).</summary>
    public const int MaxConferenceNameLength = 100;

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.");

    /// <summary>True when <paramref name="value"/> is 1 to <paramref name="maxLength"/> characters of the allowed set.</summary>
    public static bool IsValid(string? value, int maxLength = MaxIdLength) =>
        value is { Length: > 0 } && value.Length <= maxLength && !value.AsSpan().ContainsAnyExcept(Allowed);

    /// <summary>The message for a field that is not an id of this shape.</summary>
    public static string Invalid(string field, int maxLength = MaxIdLength) =>
        $"'{field}' must be 1 to {maxLength} characters from A-Z, a-z, 0-9, '-', '_' and '.'.";
}
