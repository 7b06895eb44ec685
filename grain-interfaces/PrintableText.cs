using System.Xml;

namespace Telephony.GrainInterfaces;

/// <summary>
/// Text with no control characters and nothing XML cannot carry (U+FFFE, U+FFFF, a lone surrogate): what an id or an
/// address may hold, since ids become grain keys and log entries and addresses may be written into TwiML or BXML.
/// </summary>
public static class PrintableText
{
    /// <summary>True when every character of <paramref name="value"/> is printable and allowed in XML.</summary>
    public static bool IsValid(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsSurrogatePair(value, i))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]) || char.IsControl(value[i]) || !XmlConvert.IsXmlChar(value[i]))
            {
                return false;
            }
        }

        return true;
    }
}
