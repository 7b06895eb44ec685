namespace Telephony.GrainInterfaces.Routing;

/// <summary>A TaskRouter workspace: the scope of workers, task queues and tasks, owned by one account.</summary>
public sealed record Workspace
{
    /// <summary>The workspace's sid (<c>WS…</c>).</summary>
    public required string Sid { get; init; }

    /// <summary>The owning account.</summary>
    public required string AccountSid { get; init; }

    /// <summary>Human-readable name.</summary>
    public required string FriendlyName { get; init; }

    /// <summary>When it was created.</summary>
    public required DateTimeOffset DateCreated { get; init; }
}

/// <summary>Creates a workspace.</summary>
/// <param name="AccountSid">The owning account.</param>
/// <param name="FriendlyName">Human-readable name.</param>
public sealed record CreateWorkspaceRequest(string AccountSid, string FriendlyName);
