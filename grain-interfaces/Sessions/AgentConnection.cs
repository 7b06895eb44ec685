using Orleans;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary>A worker to dial into a session's conference, for a reservation's conference or dequeue instruction.</summary>
/// <param name="AccountId">The reservation's account; a session of another account is not found.</param>
/// <param name="WorkerSid">The worker: the member's identity, so the worker's own key sees the session as its own.</param>
/// <param name="DisplayName">The worker's friendly name.</param>
/// <param name="ContactUri">Where the worker is reached: a number, <c>client:name</c> or a SIP address.</param>
/// <param name="From">Caller id shown to the worker; the number the caller called when absent.</param>
[GenerateSerializer, Alias("telephony.AgentConnection"), Immutable]
public sealed record AgentConnection([Id(0)] string AccountId, [Id(1)] string WorkerSid, [Id(2)] string DisplayName, [Id(3)] string ContactUri, [Id(4)] string? From);
