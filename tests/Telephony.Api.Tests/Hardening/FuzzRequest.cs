using System.Text;

namespace Telephony.Api.Tests.Hardening;

/// <summary>One generated request, as sent: printed in full (long parts summarized) when a property fails.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Target">Path and query, already escaped.</param>
/// <param name="Headers">Request headers other than the content type.</param>
/// <param name="ContentType">The Content-Type header, or null for none.</param>
/// <param name="Body">The body bytes, or null for none.</param>
public sealed record FuzzRequest(string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, string? ContentType, byte[]? Body)
{
    private const int PrintedLength = 600;

    private const int LargeBody = 16 * 1024;

    /// <summary>The request message, with headers added without validation so that bad ones reach the server.</summary>
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Target);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            message.Content.Headers.Remove("Content-Type");
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        // A server may answer a request it refuses at once and close the connection; a client sending a large body or
        // one after oversized headers asks first (HTTP's 100-continue), or its upload is cut off, which reads as a reset.
        message.Headers.ExpectContinue = Body is { Length: > 0 } && (Body.Length > LargeBody || Headers.Sum(h => h.Value.Length) > LargeBody);
        return message;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder().Append(Method).Append(' ').Append(Summary(Target)).AppendLine();
        foreach (var (name, value) in Headers)
        {
            text.Append(name).Append(": ").Append(Summary(value)).AppendLine();
        }

        if (Body is not null)
        {
            text.Append("Content-Type: ").Append(ContentType ?? "(none)").AppendLine().AppendLine();
            var body = Encoding.UTF8.GetString(Body);
            text.Append(Summary(body)).Append($"  ({Body.Length} bytes)");
        }

        return text.ToString();
    }

    /// <summary>Control characters escaped and a long text cut in the middle, so the printed request stays readable.</summary>
    private static string Summary(string value)
    {
        var shown = value.Length <= PrintedLength ? value : $"{value[..(PrintedLength / 2)]}…({value.Length - PrintedLength} more characters)…{value[^(PrintedLength / 2)..]}";
        var escaped = new StringBuilder(shown.Length);
        foreach (var c in shown)
        {
            escaped.Append(char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return escaped.ToString();
    }
}
