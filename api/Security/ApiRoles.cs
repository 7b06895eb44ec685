namespace Telephony.Api.Security;

/// <summary>Roles and policies of the API.</summary>
public static class ApiRoles
{
    /// <summary>An agent or application acting for itself.</summary>
    public const string User = "User";

    /// <summary>Acts on anything in its account.</summary>
    public const string Admin = "Admin";

    /// <summary>Policy: role User or Admin.</summary>
    public const string AnyUser = "AnyUser";

    /// <summary>Policy: role Admin.</summary>
    public const string AdminOnly = "AdminOnly";

    /// <summary>Claim carrying the key's account id.</summary>
    public const string AccountClaim = "telephony:account";

    /// <summary>Claim naming the key itself (by the SHA-256 of its text), for limits per key.</summary>
    public const string KeyClaim = "telephony:key";
}
