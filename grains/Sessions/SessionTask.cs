using Orleans;

namespace Telephony.Grains.Sessions;

/// <summary>The routing task a session's incoming call became.</summary>
/// <param name="WorkspaceSid">The workspace it is in.</param>
/// <param name="TaskSid">The task; empty when queueing failed.</param>
/// <param name="Canceled">Whether the session is done with it (canceled, or never created).</param>
[GenerateSerializer, Alias("telephony.state.SessionTask")]
public sealed record SessionTask([Id(0)] string WorkspaceSid, [Id(1)] string TaskSid, [Id(2)] bool Canceled);
