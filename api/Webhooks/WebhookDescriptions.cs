namespace Telephony.Api.Webhooks;

/// <summary>How the OpenAPI document describes the webhooks' answers.</summary>
internal static class WebhookDescriptions
{
    /// <summary>The media type of TwiML and BXML answers.</summary>
    public const string Xml = "application/xml";

    /// <summary>
    /// What a callback may be answered besides: malformed (400), not authenticated (403), no such account (404), too
    /// large (413), beyond the account's turns (429), headers too large (431).
    /// </summary>
    public static readonly int[] Problems =
    [
        StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound,
        StatusCodes.Status413PayloadTooLarge, StatusCodes.Status429TooManyRequests, StatusCodes.Status431RequestHeaderFieldsTooLarge,
    ];
}
