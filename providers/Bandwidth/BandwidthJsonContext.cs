using System.Text.Json.Serialization;

namespace Telephony.Providers.Bandwidth;

/// <summary>Source-generated JSON for Bandwidth callbacks and REST bodies; trailing commas occur in Bandwidth's own samples.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(BandwidthCallback))]
[JsonSerializable(typeof(CreateCallRequest))]
[JsonSerializable(typeof(CreateCallResponse))]
[JsonSerializable(typeof(UpdateCallRequest))]
[JsonSerializable(typeof(UpdateConferenceRequest))]
[JsonSerializable(typeof(UpdateConferenceMemberRequest))]
[JsonSerializable(typeof(SendMessageRequest))]
[JsonSerializable(typeof(BandwidthError))]
internal sealed partial class BandwidthJsonContext : JsonSerializerContext;
