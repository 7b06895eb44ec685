using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Telephony.Api.Hosting;

/// <summary>
/// Writes the API's JSON bodies with '+' and the other HTML-sensitive characters as they are. The default
/// encoder writes every phone number as <c>\u002B…</c>: valid JSON, but unreadable in raw responses, logs and
/// event streams. These bodies are served as JSON, never embedded in HTML.
/// </summary>
internal static class ApiJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The JSON text of <paramref name="value"/>.</summary>
    public static string Serialize<T>(T value, JsonTypeInfo<T> contract)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            JsonSerializer.Serialize(writer, value, contract);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>An <c>application/json</c> answer carrying <paramref name="value"/>.</summary>
    public static IResult Result<T>(T value, JsonTypeInfo<T> contract, int statusCode = StatusCodes.Status200OK) =>
        TypedResults.Text(Serialize(value, contract), "application/json", Encoding.UTF8, statusCode);
}
