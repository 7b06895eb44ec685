using Microsoft.Net.Http.Headers;
using Telephony.Api.Hosting;
using Telephony.Providers;
using Telephony.Providers.Twilio;

namespace Telephony.Api.Webhooks;

/// <summary>
/// Twilio's callbacks: the voice webhook (answers TwiML), call status and conference status. Each is
/// matched to its account by <c>AccountSid</c> and must carry a valid <c>X-Twilio-Signature</c> over the public URL.
/// </summary>
public static class TwilioWebhookEndpoints
{
    private const string FormMediaType = "application/x-www-form-urlencoded";

    private enum Callback
    {
        Voice,
        Status,
        Conference,
    }

    /// <summary>Maps the three Twilio webhook routes.</summary>
    public static IEndpointRouteBuilder MapTwilioWebhooks(this IEndpointRouteBuilder routes)
    {
        var twilio = routes.MapGroup(string.Empty).WithTags("Webhooks").Problems(WebhookDescriptions.Problems);
        twilio.MapPost(WebhookPaths.TwilioVoice, (HttpContext http, WebhookServices services) => HandleAsync(http, services, Callback.Voice))
            .Describe("TwilioVoice", "Twilio's voice URL: an incoming or answered call, answered with TwiML")
            .Reads<Dictionary<string, string>>(FormMediaType).Answers<string>(contentType: WebhookDescriptions.Xml);
        twilio.MapPost(WebhookPaths.TwilioStatus, (HttpContext http, WebhookServices services) => HandleAsync(http, services, Callback.Status))
            .Describe("TwilioCallStatus", "Twilio's call status callback").Reads<Dictionary<string, string>>(FormMediaType).AnswersNothing();
        twilio.MapPost(WebhookPaths.TwilioConference, (HttpContext http, WebhookServices services) => HandleAsync(http, services, Callback.Conference))
            .Describe("TwilioConferenceStatus", "Twilio's conference status callback").Reads<Dictionary<string, string>>(FormMediaType).AnswersNothing();
        return routes;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, WebhookServices services, Callback callback)
    {
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var contentType) || !contentType.MediaType.Equals(FormMediaType, StringComparison.OrdinalIgnoreCase))
        {
            return WebhookProblems.Malformed("body", "Twilio callbacks are application/x-www-form-urlencoded.");
        }

        if (await WebhookBody.ReadAsync(http.Request, http.RequestAborted) is not { } body)
        {
            return WebhookProblems.Malformed("body", WebhookBody.TooLarge);
        }

        // The signature covers every value; the parser reads each name once, a repeated one with its values joined by commas.
        var parameters = UrlEncodedForm.Parse(body);
        var fields = new Dictionary<string, string>(parameters.Count, StringComparer.Ordinal);
        foreach (var (name, value) in parameters)
        {
            fields[name] = fields.TryGetValue(name, out var earlier) ? $"{earlier},{value}" : value;
        }

        var publicBaseUrl = services.PublicBaseUrl;
        try
        {
            var accountSid = TwilioCallbackParser.ReadAccountSid(fields);
            var account = services.Accounts.FindByTwilioAccountSid(accountSid);
            if (account?.Twilio is not { } twilio)
            {
                return WebhookProblems.UnknownAccount($"AccountSid '{accountSid}' belongs to no configured account.");
            }

            var signature = http.Request.Headers[TwilioSignature.HeaderName].ToString();
            if (!TwilioSignature.IsValid(twilio.AuthToken, services.PublicUrl(http.Request), parameters, signature))
            {
                return WebhookProblems.Forbidden($"{TwilioSignature.HeaderName} is missing or does not match the request.");
            }

            using var turn = await services.Turns.TakeAsync(account.Id, http.RequestAborted);
            if (!turn.IsAcquired)
            {
                return WebhookProblems.Busy(http.Response);
            }

            var receivedAt = services.Time.GetUtcNow();
            var callEvent = callback switch
            {
                Callback.Voice => TwilioCallbackParser.ParseVoiceWebhook(fields, account.Id, receivedAt),
                Callback.Status => TwilioCallbackParser.ParseCallStatus(fields, account.Id, receivedAt),
                _ => TwilioCallbackParser.ParseConferenceStatus(fields, account.Id, receivedAt),
            };
            var instructions = await services.DispatchAsync(callEvent);
            if (callback != Callback.Voice)
            {
                return TypedResults.NoContent();
            }

            var renderer = new TwiMLRenderer(publicBaseUrl);
            return TypedResults.Content(renderer.Render(instructions), renderer.ContentType);
        }
        catch (TwilioCallbackFormatException e)
        {
            return WebhookProblems.Malformed(e.Field, e.Message);
        }
    }
}
