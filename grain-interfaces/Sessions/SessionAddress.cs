namespace Telephony.GrainInterfaces.Sessions;

/// <summary>Who a session can reach: a phone number in E.164 or a user, whose id is an email address.</summary>
public static class SessionAddress
{
    /// <summary>Whether <paramref name="value"/> is an E.164 number or a user id.</summary>
    public static bool IsValid(string? value) => E164.IsValid(value) || IsUserId(value);

    /// <summary>
    /// Whether <paramref name="value"/> has the shape of a user id: <c>name@domain.tld</c>, no spaces, no control
    /// characters and nothing XML cannot carry (a user id may be dialled, and so written into TwiML or BXML).
    /// </summary>
    public static bool IsUserId(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Any(char.IsWhiteSpace) || !PrintableText.IsValid(value))
        {
            return false;
        }

        var at = value.IndexOf('@');
        if (at <= 0 || at != value.LastIndexOf('@'))
        {
            return false;
        }

        var domain = value.AsSpan(at + 1);
        return domain.IndexOf('.') > 0 && domain[^1] != '.' && !domain.Contains("..", StringComparison.Ordinal);
    }
}
