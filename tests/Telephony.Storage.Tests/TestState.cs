using System.Text.Json;

namespace Telephony.Storage.Tests;

/// <summary>A small grain state: scalars, a list and a dictionary; equal when every member is.</summary>
public sealed class TestState : IEquatable<TestState>
{
    public string? Name { get; set; }

    public int Count { get; set; }

    public List<string> Tags { get; set; } = [];

    public Dictionary<string, long> Totals { get; set; } = [];

    public static TestState Sample(string name, int count = 1) => new()
    {
        Name = name,
        Count = count,
        Tags = [name, "tag-" + count],
        Totals = new() { ["calls"] = count, ["minutes"] = count * 60L },
    };

    public bool Equals(TestState? other) =>
        other is not null
        && Name == other.Name
        && Count == other.Count
        && Tags.SequenceEqual(other.Tags)
        && Totals.Count == other.Totals.Count
        && Totals.All(pair => other.Totals.TryGetValue(pair.Key, out var value) && value == pair.Value);

    public override bool Equals(object? obj) => Equals(obj as TestState);

    public override int GetHashCode() => HashCode.Combine(Name, Count, Tags.Count, Totals.Count);

    // Shown by assertion failures.
    public override string ToString() => JsonSerializer.Serialize(this).Length > 300 ? $"TestState(Name length {Name?.Length})" : JsonSerializer.Serialize(this);
}
