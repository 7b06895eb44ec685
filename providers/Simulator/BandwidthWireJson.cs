using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Telephony.Providers.Bandwidth;

namespace Telephony.Providers.Simulator;

/// <summary>
/// The Bandwidth JSON context, configured to write callbacks the way Bandwidth does: times in UTC with a <c>Z</c>
/// (<c>2019-06-20T15:55:55.533Z</c>) and <c>+</c> in phone numbers left as it is.
/// </summary>
internal static class BandwidthWireJson
{
    /// <summary>The context to serialize callbacks with.</summary>
    public static readonly BandwidthJsonContext Context = new(new JsonSerializerOptions(BandwidthJsonContext.Default.Options)
    {
        // Callback bodies are JSON for machines, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new UtcTimeConverter() },
    });

    /// <summary>Writes a <see cref="DateTimeOffset"/> as UTC with milliseconds and <c>Z</c>.</summary>
    private sealed class UtcTimeConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTimeOffset();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
    }
}
