using System.Text.RegularExpressions;

namespace Telephony.Grains.Tests.Sessions;

/// <summary>How a seed field appears in JSON.</summary>
internal enum SeedKind
{
    /// <summary>A string (ids, names, dates): null when unknown.</summary>
    String,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>A member name of one of the seed's enums.</summary>
    Enum,

    /// <summary>An array of <see cref="SeedField.ElementType"/>.</summary>
    Array,

    /// <summary>A string-to-string map.</summary>
    Map,
}

/// <summary>One field of a seed class, with its JSON (camelCase) name.</summary>
internal sealed record SeedField(string Name, SeedKind Kind, string Type, string? ElementType);

/// <summary>The classes (fields including inherited ones) and enums a seed document declares.</summary>
internal sealed partial class SeedContract(
    IReadOnlyDictionary<string, IReadOnlyList<SeedField>> classes,
    IReadOnlyDictionary<string, IReadOnlyList<string>> enums)
{
    /// <summary>The enums by name, members in declared order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Enums { get; } = enums;

    /// <summary>The fields of a class, inherited ones included.</summary>
    public IReadOnlyList<SeedField> FieldsOf(string className) =>
        classes.TryGetValue(className, out var fields)
            ? fields
            : throw new InvalidOperationException($"The seed declares no class {className}; it has {string.Join(", ", classes.Keys)}.");

    /// <summary>Reads TypeScript DTOs: <c>export class X extends Y { public name?: type; }</c> and <c>export enum E { A = 'A', }</c>.</summary>
    public static SeedContract FromTypeScript(string text)
    {
        var enums = TypeScriptEnum().Matches(text).ToDictionary(
            m => m.Groups["name"].Value,
            m => (IReadOnlyList<string>)TypeScriptEnumMember().Matches(m.Groups["body"].Value).Select(e => e.Groups["name"].Value).ToList());

        var declared = new Dictionary<string, (string? Base, List<SeedField> Fields)>();
        foreach (Match match in TypeScriptClass().Matches(text))
        {
            var fields = TypeScriptField().Matches(match.Groups["body"].Value)
                .Select(f => Field(f.Groups["name"].Value, f.Groups["type"].Value.Trim(), enums.Keys, fsharp: false))
                .ToList();
            declared[match.Groups["name"].Value] = (match.Groups["base"].Success ? match.Groups["base"].Value : null, fields);
        }

        return new SeedContract(WithInherited(declared), enums);
    }

    /// <summary>Reads F# DTOs: <c>type X() =</c> with <c>inherit Y()</c> and <c>member val Name:Type = ...</c>, and <c>type E =</c> with <c>| A = 0</c>.</summary>
    public static SeedContract FromFSharp(string text)
    {
        var enums = new Dictionary<string, List<string>>();
        var raw = new Dictionary<string, (string? Base, List<(string Name, string Type)> Fields)>();
        string? currentClass = null;
        string? currentEnum = null;
        foreach (var line in text.Split('\n').Select(l => l.Trim()))
        {
            if (FSharpClass().Match(line) is { Success: true } cls)
            {
                (currentClass, currentEnum) = (cls.Groups["name"].Value, null);
                raw[currentClass] = (null, []);
            }
            else if (FSharpEnum().Match(line) is { Success: true } enm)
            {
                (currentClass, currentEnum) = (null, enm.Groups["name"].Value);
                enums[currentEnum] = [];
            }
            else if (currentClass is not null && FSharpInherit().Match(line) is { Success: true } inherit)
            {
                raw[currentClass] = (inherit.Groups["base"].Value, raw[currentClass].Fields);
            }
            else if (currentClass is not null && FSharpMember().Match(line) is { Success: true } member)
            {
                raw[currentClass].Fields.Add((member.Groups["name"].Value, member.Groups["type"].Value));
            }
            else if (currentEnum is not null && FSharpEnumMember().Match(line) is { Success: true } value)
            {
                enums[currentEnum].Add(value.Groups["name"].Value);
            }
            else if (!(line.StartsWith("///", StringComparison.Ordinal) || line.StartsWith("[<", StringComparison.Ordinal) || line.StartsWith("interface ", StringComparison.Ordinal)))
            {
                // Anything else (prose, the JSV sample) ends the type being read.
                (currentClass, currentEnum) = (null, null);
            }
        }

        var declared = raw.ToDictionary(
            c => c.Key,
            c => (c.Value.Base, c.Value.Fields.Select(f => Field(CamelCase(f.Name), f.Type, enums.Keys, fsharp: true)).ToList()));
        return new SeedContract(WithInherited(declared), enums.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value));
    }

    private static SeedField Field(string name, string type, IEnumerable<string> enumNames, bool fsharp)
    {
        if (fsharp ? type == "String" : type == "string")
        {
            return new SeedField(name, SeedKind.String, type, null);
        }

        if (fsharp ? type == "Boolean" : type == "boolean")
        {
            return new SeedField(name, SeedKind.Boolean, type, null);
        }

        if (enumNames.Contains(type))
        {
            return new SeedField(name, SeedKind.Enum, type, null);
        }

        if (fsharp && type.StartsWith("ResizeArray<", StringComparison.Ordinal))
        {
            return new SeedField(name, SeedKind.Array, type, type["ResizeArray<".Length..^1]);
        }

        if (!fsharp && type.EndsWith("[]", StringComparison.Ordinal))
        {
            return new SeedField(name, SeedKind.Array, type, type[..^2]);
        }

        if (fsharp ? type == "Dictionary<String, String>" : MapType().IsMatch(type))
        {
            return new SeedField(name, SeedKind.Map, type, null);
        }

        throw new InvalidOperationException($"Seed field {name} has a type the contract tests do not know: {type}.");
    }

    private static Dictionary<string, IReadOnlyList<SeedField>> WithInherited(Dictionary<string, (string? Base, List<SeedField> Fields)> declared)
    {
        IReadOnlyList<SeedField> Resolve(string name) =>
            declared[name] is var (baseName, fields) && baseName is not null ? [.. Resolve(baseName), .. fields] : fields;

        return declared.Keys.ToDictionary(name => name, Resolve);
    }

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    [GeneratedRegex(@"^export class (?<name>\w+)(?:<[^>]*>)?(?:\s+extends\s+(?<base>\w+))?[^\n{]*\n\{(?<body>.*?)^\}", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex TypeScriptClass();

    [GeneratedRegex(@"^\s*public (?<name>\w+)\??\s*:\s*(?<type>\{[^}]*\}|[^;]+);", RegexOptions.Multiline)]
    private static partial Regex TypeScriptField();

    [GeneratedRegex(@"^export enum (?<name>\w+)\s*\{(?<body>[^}]*)\}", RegexOptions.Multiline)]
    private static partial Regex TypeScriptEnum();

    [GeneratedRegex(@"^\s*(?<name>\w+)\s*=", RegexOptions.Multiline)]
    private static partial Regex TypeScriptEnumMember();

    [GeneratedRegex(@"^\{\s*\[\w+\s*:\s*string\]\s*:\s*string;?\s*\}$")]
    private static partial Regex MapType();

    [GeneratedRegex(@"^type (?<name>\w+)\(\) =$")]
    private static partial Regex FSharpClass();

    [GeneratedRegex(@"^type (?<name>\w+) =$")]
    private static partial Regex FSharpEnum();

    [GeneratedRegex(@"^inherit (?<base>\w+)\(\)$")]
    private static partial Regex FSharpInherit();

    [GeneratedRegex(@"^member val (?<name>\w+):(?<type>.+?) = ")]
    private static partial Regex FSharpMember();

    [GeneratedRegex(@"^\| (?<name>\w+) = \d+$")]
    private static partial Regex FSharpEnumMember();
}
