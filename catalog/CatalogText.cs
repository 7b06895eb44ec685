namespace Telephony.Catalog;

/// <summary>How every catalog compares text, so each implementation matches alike.</summary>
public static class CatalogText
{
    /// <summary>Lowers ASCII letters only, as SQLite's <c>lower()</c> does: user ids and address filters ignore ASCII case.</summary>
    public static string AsciiLower(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return string.Create(value.Length, value, static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = char.IsAsciiLetterUpper(text[i]) ? (char)(text[i] | 0x20) : text[i];
            }
        });
    }
}
