using Telephony.Api.Hosting;
using Telephony.GrainInterfaces.Calls;
using Telephony.Providers;
using Telephony.Providers.Bandwidth;

namespace Telephony.Api.Webhooks;

/// <summary>
/// Every Bandwidth voice callback. The account is found by the callback's HTTP Basic user name and
/// the password must match; synchronous events are answered with BXML, the rest with 204.
/// </summary>
public static class BandwidthWebhookEndpoints
{
    /// <summary>Maps <c>POST /webhooks/bandwidth/voice</c>.</summary>
    public static IEndpointRouteBuilder MapBandwidthWebhooks(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(WebhookPaths.BandwidthVoice, HandleAsync).WithTags("Webhooks")
            .Describe("BandwidthVoice", "Every Bandwidth voice callback: synchronous events answered with BXML, the rest with 204")
            .Reads<BandwidthCallback>().Answers<string>(contentType: WebhookDescriptions.Xml).AnswersNothing()
            .Problems(WebhookDescriptions.Problems).Problems(StatusCodes.Status415UnsupportedMediaType);
        return routes;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, WebhookServices services)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        if (BandwidthCallbackAuthenticator.ReadUsername(authorization) is not { } username)
        {
            return WebhookProblems.Forbidden("Bandwidth callbacks must carry the account's HTTP Basic callback credentials.");
        }

        var account = services.Accounts.FindByBandwidthCallbackUser(username);
        if (account?.Bandwidth is not { } bandwidth)
        {
            return WebhookProblems.UnknownAccount($"Callback user '{username}' belongs to no configured account.");
        }

        if (!BandwidthCallbackAuthenticator.IsValid(authorization, bandwidth))
        {
            return WebhookProblems.Forbidden("The callback credentials do not match the account.");
        }

        using var turn = await services.Turns.TakeAsync(account.Id, http.RequestAborted);
        if (!turn.IsAcquired)
        {
            return WebhookProblems.Busy(http.Response);
        }

        // A redirect or dial we asked for carries its instruction in the callback URL's query; one that could not be
        // answered as asked is refused before the callback has any effect.
        var query = http.Request.Query;
        string? conference = query[BandwidthWebhookQuery.Conference], transferTo = query[BandwidthWebhookQuery.TransferTo], callerId = query[BandwidthWebhookQuery.CallerId];
        if (BandwidthWebhookQuery.Invalid(conference, transferTo, callerId) is var (parameter, message))
        {
            return WebhookProblems.Malformed(parameter, message);
        }

        if (await WebhookBody.ReadAsync(http.Request, http.RequestAborted) is not { } body)
        {
            return WebhookProblems.Malformed("body", WebhookBody.TooLarge);
        }

        CallEvent callEvent;
        try
        {
            var callback = BandwidthCallbackParser.Deserialize(body);
            if (callback.AccountId is { } accountId && accountId != bandwidth.AccountId)
            {
                return WebhookProblems.Forbidden($"The callback names account {accountId}, not the one its credentials belong to.");
            }

            callEvent = BandwidthCallbackParser.ToCallEvent(callback, account.Id);
        }
        catch (BandwidthCallbackFormatException e)
        {
            return WebhookProblems.Malformed(e.Field, e.Message);
        }

        var instructions = await services.DispatchAsync(callEvent);
        if (!BandwidthCallbackParser.ExpectsBxml(callEvent.ProviderEventType))
        {
            return TypedResults.NoContent();
        }

        var requested = BandwidthWebhookQuery.InstructionFor(conference, transferTo, callerId);
        var renderer = new BxmlRenderer(services.PublicBaseUrl, bandwidth.CallbackUsername, bandwidth.CallbackPassword);
        return TypedResults.Content(renderer.Render(requested is null ? instructions : [requested]), renderer.ContentType);
    }
}
