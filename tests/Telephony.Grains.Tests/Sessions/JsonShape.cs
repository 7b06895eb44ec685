using System.Text.Json;

namespace Telephony.Grains.Tests.Sessions;

/// <summary>Checks serialized JSON against a seed's declared fields.</summary>
internal static class JsonShape
{
    /// <summary>The property names of a JSON object, sorted.</summary>
    public static IReadOnlyList<string> Keys(JsonElement element) =>
        element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Asserts that <paramref name="json"/> has exactly the seed class's fields, each with the JSON kind its seed
    /// type implies, recursing into arrays of seed classes. On a default instance strings must be null and
    /// enums the seed's first (default) member; on a populated one nothing may be null.
    /// </summary>
    public static void AssertMatches(SeedContract seed, string className, JsonElement json, bool populated, string path = "$")
    {
        var fields = seed.FieldsOf(className);
        Assert.Equal(JsonValueKind.Object, json.ValueKind);
        Assert.Equal(fields.Select(f => f.Name).Order(StringComparer.Ordinal), Keys(json));

        foreach (var field in fields)
        {
            var value = json.GetProperty(field.Name);
            var where = $"{path}.{field.Name} ({field.Type})";
            switch (field.Kind)
            {
                case SeedKind.String:
                    Assert.True(value.ValueKind == (populated ? JsonValueKind.String : JsonValueKind.Null), $"{where} is {value.ValueKind}");
                    break;
                case SeedKind.Boolean:
                    Assert.True(value.ValueKind is JsonValueKind.True or JsonValueKind.False, $"{where} is {value.ValueKind}");
                    break;
                case SeedKind.Enum:
                    Assert.True(value.ValueKind == JsonValueKind.String, $"{where} is {value.ValueKind}");
                    var members = seed.Enums[field.Type];
                    Assert.Contains(value.GetString(), members);
                    if (!populated)
                    {
                        Assert.Equal(members[0], value.GetString());
                    }

                    break;
                case SeedKind.Map:
                    Assert.True(value.ValueKind == JsonValueKind.Object, $"{where} is {value.ValueKind}");
                    Assert.All(value.EnumerateObject(), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
                    Assert.Equal(populated, value.EnumerateObject().Any());
                    break;
                case SeedKind.Array:
                    Assert.True(value.ValueKind == JsonValueKind.Array, $"{where} is {value.ValueKind}");
                    Assert.Equal(populated, value.GetArrayLength() > 0);
                    var index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        AssertMatches(seed, field.ElementType!, item, populated, $"{path}.{field.Name}[{index++}]");
                    }

                    break;
                default:
                    throw new InvalidOperationException($"{where}: unexpected kind {field.Kind}.");
            }
        }
    }
}
