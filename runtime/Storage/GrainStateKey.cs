namespace Telephony.Runtime.Storage;

/// <summary>Where one named state of one grain is stored.</summary>
public readonly record struct GrainStateKey(string GrainType, string GrainId, string StateName)
{
    /// <inheritdoc />
    public override string ToString() => $"{GrainType}/{GrainId} state '{StateName}'";
}

/// <summary>A stored state: its serialized payload (null once cleared) and version.</summary>
public sealed record GrainStateRecord(byte[]? Payload, long Version)
{
    /// <summary>The version as the ETag a grain sees.</summary>
    public string ETag => Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
