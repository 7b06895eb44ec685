using System.Text.Json.Serialization;
using Telephony.GrainInterfaces.Calls;

namespace Telephony.Providers.Tests;

/// <summary>Source-generated JSON for commands, as the grains' state contexts serialize the commands they keep pending.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(CallCommand))]
internal sealed partial class CallCommandJsonContext : JsonSerializerContext;
