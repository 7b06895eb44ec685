using System.Text.Json.Serialization;

namespace Telephony.Grains.Sessions;

/// <summary>JSON contracts of the session grains' persistent state.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(SessionState))]
[JsonSerializable(typeof(Events.SessionEventShardState))]
internal sealed partial class SessionStateJsonContext : JsonSerializerContext;
