using System.Buffers;

namespace Telephony.Api.Webhooks;

/// <summary>Reads a whole callback body, refusing one larger than any provider sends.</summary>
internal static class WebhookBody
{
    /// <summary>Largest callback body read; Twilio's and Bandwidth's are a few kilobytes at most.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>The message for a body over <see cref="MaxBytes"/>.</summary>
    public static readonly string TooLarge = $"The callback body is larger than {MaxBytes} bytes.";

    /// <summary>The body's bytes; null when it is larger than <see cref="MaxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }

        var reader = request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (buffer.Length > MaxBytes)
            {
                reader.AdvanceTo(buffer.End);
                return null;
            }

            if (result.IsCompleted)
            {
                var body = buffer.ToArray();
                reader.AdvanceTo(buffer.End);
                return body;
            }

            // Nothing consumed, everything examined: the next read waits for more of the body.
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}
