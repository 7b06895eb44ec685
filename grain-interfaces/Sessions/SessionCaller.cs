using Orleans;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary>Who asks a session to do something: the account of the caller's API key and the user it acts as.</summary>
/// <param name="AccountId">The key's account; a session of another account answers as if it did not exist.</param>
/// <param name="UserId">The key's user id, if it has one; recorded as the session's creator or modifier.</param>
/// <param name="IsAdmin">An Admin key may act on any session of its account; a User key only on sessions it started or is a member of.</param>
[GenerateSerializer, Alias("telephony.SessionCaller"), Immutable]
public sealed record SessionCaller([Id(0)] string AccountId, [Id(1)] string? UserId, [Id(2)] bool IsAdmin);
