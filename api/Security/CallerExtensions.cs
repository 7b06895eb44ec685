using System.Security.Claims;

namespace Telephony.Api.Security;

/// <summary>Reads who an authenticated request is.</summary>
public static class CallerExtensions
{
    /// <summary>The account the caller's key belongs to.</summary>
    public static string AccountId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ApiRoles.AccountClaim) ?? throw new InvalidOperationException("The request is not authenticated with an API key.");

    /// <summary>The user id the caller's key acts as, if any.</summary>
    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
}
