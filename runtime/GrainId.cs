namespace Telephony.Runtime;

/// <summary>Identity of a grain: its type name (as stored) and its key.</summary>
public readonly record struct GrainId(string Type, string Key)
{
    /// <inheritdoc />
    public override string ToString() => $"{Type}/{Key}";
}
