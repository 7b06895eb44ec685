using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Telephony.Providers.Simulator;

/// <summary>Reading helpers shared by the TwiML and BXML readers.</summary>
internal static class Markup
{
    // Answers are small documents of plain elements; a DTD in one is refused rather than expanded.
    private static readonly XmlReaderSettings ReaderSettings = new() { DtdProcessing = DtdProcessing.Prohibit };

    /// <summary>The <c>&lt;Response&gt;</c> element of a markup document.</summary>
    /// <exception cref="MarkupFormatException">The text is not XML or its root is not <c>Response</c>.</exception>
    public static XElement ParseResponse(string markup)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(markup), ReaderSettings);
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new MarkupFormatException($"The answer is not XML: {ex.Message}", ex);
        }

        return document.Root is { Name.LocalName: "Response" } root
            ? root
            : throw new MarkupFormatException($"The answer's root element is <{document.Root?.Name.LocalName}>, not <Response>.");
    }

    /// <summary>A boolean attribute (<c>true</c>/<c>false</c>, any case); <paramref name="fallback"/> when absent.</summary>
    public static bool Bool(XElement element, string name, bool fallback)
    {
        var text = (string?)element.Attribute(name);
        if (text is null)
        {
            return fallback;
        }

        return bool.TryParse(text, out var value)
            ? value
            : throw new MarkupFormatException($"<{element.Name.LocalName} {name}> is not true or false: '{text}'.");
    }

    /// <summary>A whole-number attribute; <paramref name="fallback"/> when absent.</summary>
    public static int Int(XElement element, string name, int fallback)
    {
        var text = (string?)element.Attribute(name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new MarkupFormatException($"<{element.Name.LocalName} {name}> is not a whole number: '{text}'.");
    }

    /// <summary>A URL attribute resolved against the URL that returned the markup, as both providers do.</summary>
    public static Uri? Url(XElement element, string name, Uri source)
    {
        var text = (string?)element.Attribute(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Uri.TryCreate(source, text.Trim(), out var url)
            ? url
            : throw new MarkupFormatException($"<{element.Name.LocalName} {name}> is not a URL: '{text}'.");
    }

    /// <summary>An element's text, trimmed; throws when empty.</summary>
    public static string Text(XElement element)
    {
        var text = element.Value.Trim();
        return text.Length > 0 ? text : throw new MarkupFormatException($"<{element.Name.LocalName}> is empty.");
    }
}
