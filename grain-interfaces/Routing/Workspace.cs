using Orleans;

namespace Telephony.GrainInterfaces.Routing;

/// <summary>A TaskRouter workspace: the scope of workers, task queues and tasks, owned by one account.</summary>
[GenerateSerializer, Alias("telephony.Workspace"), Immutable]
public sealed record Workspace
{
    /// <summary>The workspace's sid (<c>WS…</c>).</summary>
    [Id(0)]
    public required string Sid { get; init; }

    /// <summary>The owning account.</summary>
    [Id(1)]
    public required string AccountSid { get; init; }

    /// <summary>Human-readable name.</summary>
    [Id(2)]
    public required string FriendlyName { get; init; }

    /// <summary>When it was created.</summary>
    [Id(3)]
    public required DateTimeOffset DateCreated { get; init; }
}

/// <summary>Creates a workspace.</summary>
/// <param name="AccountSid">The owning account.</param>
/// <param name="FriendlyName">Human-readable name.</param>
[GenerateSerializer, Alias("telephony.CreateWorkspaceRequest"), Immutable]
public sealed record CreateWorkspaceRequest([Id(0)] string AccountSid, [Id(1)] string FriendlyName);
