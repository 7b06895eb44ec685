using System.Text;
using Microsoft.Net.Http.Headers;

namespace Telephony.Api.Boundary;

/// <summary>
/// Refuses a JSON request whose <c>Content-Type</c> names a charset .NET cannot decode, with 415 naming the header,
/// before any endpoint reads the body: ASP.NET's JSON readers throw on such a charset, which would answer 500.
/// </summary>
internal static class JsonCharset
{
    /// <summary>Adds the check to the pipeline.</summary>
    public static IApplicationBuilder UseJsonCharsetCheck(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (UnknownCharset(http.Request.ContentType) is { } charset)
        {
            await BoundaryProblems.WriteAsync(
                http,
                StatusCodes.Status415UnsupportedMediaType,
                "The request body's charset is not supported.",
                HeaderNames.ContentType,
                $"The charset '{charset}' is not a known encoding; send UTF-8.");
            return;
        }

        await next(http);
    });

    /// <summary>The charset a JSON content type names that no encoding answers to; null for any other content type.</summary>
    public static string? UnknownCharset(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || !(mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))
            || !mediaType.Charset.HasValue)
        {
            return null;
        }

        var charset = mediaType.Charset.ToString();
        try
        {
            _ = Encoding.GetEncoding(charset);
            return null;
        }
        catch (ArgumentException)
        {
            return charset;
        }
    }
}
