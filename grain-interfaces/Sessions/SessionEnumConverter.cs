using System.Text.Json;
using System.Text.Json.Serialization;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary>
/// Writes a session enum as its member name and reads only member names, so an unknown value fails
/// with a <see cref="JsonException"/> whose <see cref="JsonException.Path"/> names the field.
/// </summary>
/// <remarks>
/// Names are matched ignoring case, as Evo Voice's own server does; numbers are refused because the
/// contract speaks names, and the built-in converter would also accept undefined numbers and
/// comma-joined names as flags.
/// </remarks>
/// <typeparam name="TEnum">One of the session enums.</typeparam>
public sealed class SessionEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly TEnum[] Values = Enum.GetValues<TEnum>();
    private static readonly string[] Names = Enum.GetNames<TEnum>();
    private static readonly string Expected = string.Join(", ", Names);

    /// <inheritdoc />
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            // An explicit null means "not given", which for a value type is its first member.
            case JsonTokenType.Null:
                return default;
            case JsonTokenType.String:
                var text = reader.GetString();
                for (var i = 0; i < Names.Length; i++)
                {
                    if (string.Equals(Names[i], text, StringComparison.OrdinalIgnoreCase))
                    {
                        return Values[i];
                    }
                }

                throw new UnknownEnumValueException($"'{text}' is not one of: {Expected}.");
            default:
                throw new UnknownEnumValueException($"Expected one of these names as a string: {Expected}.");
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        var name = Enum.GetName(value)
            ?? throw new JsonException($"{value} is not a member of {typeof(TEnum).Name}.");
        writer.WriteStringValue(name);
    }
}
