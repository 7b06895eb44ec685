using Orleans;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary>One entry of a session's log.</summary>
[GenerateSerializer, Alias("telephony.SessionLogInfo"), Immutable]
public sealed record SessionLogInfo
{
    /// <summary>When it happened (ISO 8601 on the wire, as <see cref="EntityInfo.DateCreated"/>).</summary>
    [Id(0)]
    public DateTimeOffset? Date { get; init; }

    /// <summary>What happened.</summary>
    [Id(1)]
    public string? Message { get; init; }
}
