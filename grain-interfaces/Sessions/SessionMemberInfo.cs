using System.Collections.ObjectModel;
using Orleans;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary>A party in a session: the caller, an agent, or someone conferenced or invited in.</summary>
[GenerateSerializer, Alias("telephony.SessionMemberInfo"), Immutable]
public sealed record SessionMemberInfo
{
    /// <summary>The member's identity (user id, phone number or client name).</summary>
    [Id(0)]
    public string? Identity { get; init; }

    /// <summary>The endpoint the member is reached on.</summary>
    [Id(1)]
    public string? EndpointId { get; init; }

    /// <summary>The name to show for the member.</summary>
    [Id(2)]
    public string? DisplayName { get; init; }

    /// <summary>Whether the member was in the session from its start.</summary>
    [Id(3)]
    public bool IsOriginalMember { get; init; }

    /// <summary>The member's picture.</summary>
    [Id(4)]
    public string? AvatarUrl { get; init; }

    /// <summary>Free-form data attached by applications.</summary>
    [Id(5)]
    public IReadOnlyDictionary<string, string> ApplicationData { get; init; } = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>The state of the member's call.</summary>
    [Id(6)]
    public SessionMemberCallState CallState { get; init; }

    /// <summary>The member's role.</summary>
    [Id(7)]
    public SessionMemberRoles Role { get; init; }

    /// <summary>The provider's id of the member's call leg.</summary>
    [Id(8)]
    public string? CallSid { get; init; }

    /// <summary>Whether the member is muted.</summary>
    [Id(9)]
    public bool Muted { get; init; }
}
