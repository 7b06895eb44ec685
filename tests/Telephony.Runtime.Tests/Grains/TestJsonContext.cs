using System.Text.Json.Serialization;

namespace Telephony.Runtime.Tests.Grains;

[JsonSerializable(typeof(CounterState))]
[JsonSerializable(typeof(ReminderState))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
