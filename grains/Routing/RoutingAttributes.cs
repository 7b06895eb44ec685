using System.Text.Json;

namespace Telephony.Grains.Routing;

/// <summary>Checks the JSON attributes of workers and tasks and reads a worker's <c>skills</c>.</summary>
internal static class RoutingAttributes
{
    /// <summary>Accepts null (as <c>{}</c>) or the text of a JSON object.</summary>
    public static bool TryRead(string? text, out string attributes, out string? error)
    {
        attributes = text ?? "{}";
        return TryParse(attributes, out _, out error);
    }

    /// <summary>Like <see cref="TryRead"/>, and reads <c>skills</c>, which must be an array of strings when present.</summary>
    public static bool TryReadWorker(string? text, out string attributes, out List<string> skills, out string? error)
    {
        attributes = text ?? "{}";
        skills = [];
        if (!TryParse(attributes, out var root, out error))
        {
            return false;
        }

        if (!root.TryGetProperty("skills", out var list))
        {
            return true;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            error = "The worker attribute 'skills' must be an array of strings.";
            return false;
        }

        foreach (var skill in list.EnumerateArray())
        {
            if (skill.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(skill.GetString()))
            {
                error = "The worker attribute 'skills' must be an array of non-empty strings.";
                return false;
            }

            skills.Add(skill.GetString()!);
        }

        return true;
    }

    private static bool TryParse(string text, out JsonElement root, out string? error)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            root = default;
            error = $"Attributes are not valid JSON: {e.Message}";
            return false;
        }

        error = root.ValueKind == JsonValueKind.Object ? null : "Attributes must be a JSON object.";
        return error is null;
    }
}
