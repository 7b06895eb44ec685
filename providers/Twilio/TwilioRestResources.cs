using System.Text.Json.Serialization;

namespace Telephony.Providers.Twilio;

/// <summary>The part of a Twilio Call resource we read (answer to creating a call).</summary>
internal sealed record TwilioCallResource([property: JsonPropertyName("sid")] string? Sid);

/// <summary>The part of a Twilio conference Participant resource we read (answer to adding a participant).</summary>
internal sealed record TwilioParticipantResource(
    [property: JsonPropertyName("call_sid")] string? CallSid,
    [property: JsonPropertyName("conference_sid")] string? ConferenceSid);

/// <summary>Twilio's REST error body.</summary>
internal sealed record TwilioErrorResource(
    [property: JsonPropertyName("code")] int? Code,
    [property: JsonPropertyName("message")] string? Message);

/// <summary>Source-generated JSON contracts for the Twilio REST resources.</summary>
[JsonSerializable(typeof(TwilioCallResource))]
[JsonSerializable(typeof(TwilioParticipantResource))]
[JsonSerializable(typeof(TwilioErrorResource))]
internal sealed partial class TwilioJsonContext : JsonSerializerContext;
