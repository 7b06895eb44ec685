using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Telephony.Api.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c> against the configured API keys, and on endpoints marked with
/// <see cref="BasicAuthRealm"/> also <c>Authorization: Basic</c> whose password is a key.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyRegistry keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    private const string Bearer = "Bearer ";
    private const string Basic = "Basic ";

    private BasicAuthRealm? BasicRealm => Context.GetEndpoint()?.Metadata.GetMetadata<BasicAuthRealm>();

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        string? token;
        if (header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            token = header[Bearer.Length..].Trim();
        }
        else if (BasicRealm is not null && header.StartsWith(Basic, StringComparison.OrdinalIgnoreCase))
        {
            token = BasicPassword(header[Basic.Length..].Trim());
        }
        else
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (token is null || keys.Find(token) is not { } key)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        }

        List<Claim> claims = [new(ApiRoles.AccountClaim, key.AccountId), new(ClaimTypes.Role, key.Role), new(ApiRoles.KeyClaim, key.Hash)];
        if (key.UserId is not null)
        {
            claims.Add(new Claim(ClaimTypes.NameIdentifier, key.UserId));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    /// <summary>A 401 that makes a browser prompt on endpoints that take Basic credentials.</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (BasicRealm is { } basic)
        {
            Response.Headers.WWWAuthenticate = $"Basic realm=\"{basic.Realm}\"";
        }

        return base.HandleChallengeAsync(properties);
    }

    /// <summary>The password of <c>base64(user:password)</c> (RFC 7617), or null when the credentials are malformed.</summary>
    private static string? BasicPassword(string credentials)
    {
        var bytes = new byte[credentials.Length];
        if (!Convert.TryFromBase64String(credentials, bytes, out var length))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(bytes, 0, length);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : text[(colon + 1)..];
    }
}
