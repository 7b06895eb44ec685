namespace Telephony.Api.Security;

/// <summary>One configured API key (<c>Telephony:Accounts:N:ApiKeys:M</c>), known by its hash only.</summary>
/// <param name="Hash">The SHA-256 of the bearer token (<see cref="ApiKeyHash"/>).</param>
/// <param name="AccountId">The account whose data the key sees.</param>
/// <param name="Role">User or Admin.</param>
/// <param name="UserId">Who the key acts as (an agent's user id or email; a worker's own key).</param>
/// <param name="ConfiguredInClear">Whether configuration holds the key itself rather than its hash.</param>
public sealed record ApiKey(string Hash, string AccountId, string Role, string? UserId, bool ConfiguredInClear);
