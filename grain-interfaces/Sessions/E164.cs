namespace Telephony.GrainInterfaces.Sessions;

/// <summary>The E.164 phone number format: <c>+</c>, then 2 to 15 digits, the first not zero (for example <c>+15551234567</c>).</summary>
public static class E164
{
    /// <summary>Whether <paramref name="value"/> is an E.164 number, with no spaces or punctuation.</summary>
    public static bool IsValid(string? value)
    {
        if (value is null || value.Length is < 3 or > 16 || value[0] != '+' || value[1] == '0')
        {
            return false;
        }

        // ASCII digits only: char.IsDigit would let other scripts' digits through.
        foreach (var c in value.AsSpan(1))
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
