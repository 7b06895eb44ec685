namespace Telephony.Api.Security;

/// <summary>One configured API key (<c>Telephony:Accounts:N:ApiKeys:M</c>).</summary>
/// <param name="Key">The bearer token.</param>
/// <param name="AccountId">The account whose data the key sees.</param>
/// <param name="Role">User or Admin.</param>
/// <param name="UserId">Who the key acts as (an agent's user id or email; a worker's own key).</param>
public sealed record ApiKey(string Key, string AccountId, string Role, string? UserId);
