using System.Text.Json.Serialization;

namespace Telephony.Grains.Calls;

/// <summary>JSON contracts of the call grains' persistent state.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(CallLegState))]
[JsonSerializable(typeof(ConferenceState))]
internal sealed partial class CallStateJsonContext : JsonSerializerContext;
