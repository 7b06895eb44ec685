using System.Text.Json;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary>Turns a request body that failed to deserialize into validation errors naming the field.</summary>
public static class SessionRequestErrors
{
    /// <summary>The key used when the body as a whole is unreadable, as ASP.NET MVC uses it.</summary>
    public const string BodyField = "$";

    /// <summary>
    /// Errors for a <see cref="JsonException"/> thrown while reading a session request with
    /// <see cref="SessionJsonContext"/>: one entry, keyed by the field its <see cref="JsonException.Path"/> points at.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> FromJsonException(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var field = FieldFromPath(exception.Path);

        // Our enum converter writes a message for clients; the serializer's own messages name .NET types, so they are replaced.
        var message = exception is UnknownEnumValueException
            ? $"'{field}': {exception.Message}"
            : field == BodyField
                ? "The request body is not a valid JSON object for this request."
                : $"'{field}' has a value of the wrong type.";
        return new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] };
    }

    /// <summary>
    /// The wire name a JSON path points at: <c>$.reason</c> → <c>reason</c>,
    /// <c>$.members[0].role</c> → <c>members[0].role</c>, <c>$</c> or none → <see cref="BodyField"/>.
    /// </summary>
    public static string FieldFromPath(string? path) => path switch
    {
        null or "" or "$" => BodyField,
        _ when path.StartsWith("$.", StringComparison.Ordinal) => path[2..],
        _ when path.StartsWith('$') => path[1..],
        _ => path,
    };
}
