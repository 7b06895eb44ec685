using System.Collections.ObjectModel;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary>A party in a session: the caller, an agent, or someone conferenced or invited in.</summary>
public sealed record SessionMemberInfo
{
    /// <summary>The member's identity (user id, phone number or client name).</summary>
    public string? Identity { get; init; }

    /// <summary>The endpoint the member is reached on.</summary>
    public string? EndpointId { get; init; }

    /// <summary>The name to show for the member.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Whether the member was in the session from its start.</summary>
    public bool IsOriginalMember { get; init; }

    /// <summary>The member's picture.</summary>
    public string? AvatarUrl { get; init; }

    /// <summary>Free-form data attached by applications.</summary>
    public IReadOnlyDictionary<string, string> ApplicationData { get; init; } = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>The state of the member's call.</summary>
    public SessionMemberCallState CallState { get; init; }

    /// <summary>The member's role.</summary>
    public SessionMemberRoles Role { get; init; }

    /// <summary>The provider's id of the member's call leg.</summary>
    public string? CallSid { get; init; }

    /// <summary>Whether the member is muted.</summary>
    public bool Muted { get; init; }
}
