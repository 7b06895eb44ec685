namespace Telephony.GrainInterfaces.Sessions;

/// <summary>One entry of a session's log.</summary>
public sealed record SessionLogInfo
{
    /// <summary>When it happened (ISO 8601 on the wire, as <see cref="EntityInfo.DateCreated"/>).</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>What happened.</summary>
    public string? Message { get; init; }
}
