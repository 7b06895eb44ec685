namespace Telephony.Api.Security;

/// <summary>
/// Endpoint metadata: the endpoint also takes an API key as the password of HTTP Basic credentials (the user name is
/// ignored) and challenges with Basic in this realm, because a browser can prompt for Basic but cannot send a bearer
/// header. Every other endpoint takes bearer keys only.
/// </summary>
/// <param name="Realm">The realm the browser shows when it prompts.</param>
public sealed record BasicAuthRealm(string Realm);
