using System.Text.Json.Serialization;

namespace Telephony.Grains.Calls;

/// <summary>JSON contracts of the call grains' persistent state; absent values are left out, since every state write carries them.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CallLegState))]
[JsonSerializable(typeof(ConferenceState))]
internal sealed partial class CallStateJsonContext : JsonSerializerContext;
