using System.Net;
using Twilio.Exceptions;

namespace Telephony.Providers.Twilio;

/// <summary>
/// Turns the Twilio library's exceptions into <see cref="ProviderException"/>s that say what Twilio answered. A provider
/// exception crosses grain calls and Orleans cannot serialize the library's exception types, so what they carry is
/// copied over and only the transport's own exception goes along as the inner one.
/// </summary>
internal static class TwilioApiErrors
{
    /// <summary>The provider exception for <paramref name="error"/>.</summary>
    /// <param name="action">What the adapter asked Twilio for, for messages ("creating a call").</param>
    /// <param name="error">What the library threw.</param>
    /// <param name="answered">The status Twilio answered with, if it answered.</param>
    public static ProviderException ToProviderException(string action, TwilioException error, HttpStatusCode? answered) => error switch
    {
        ApiException { Status: > 0 } refused => Refused(action, (HttpStatusCode)refused.Status, refused),
        // An error answer without Twilio's error body: proxies and load balancers answer with HTML.
        ApiException when answered is { } status && (int)status >= 400 => Refused(action, status, body: null),
        ApiException => new ProviderException($"Twilio's answer to {action} could not be read.", statusCode: null, isTransient: false),
        ApiConnectionException { InnerException: OperationCanceledException timeout } =>
            // Not the command's cancellation (the caller handles that): our HttpClient's timeout fired.
            new ProviderException($"Twilio did not answer {action} in time.", statusCode: null, isTransient: true, timeout),
        _ => new ProviderException(
            $"Twilio could not be reached for {action}: {error.InnerException?.Message ?? error.Message}", statusCode: null, isTransient: true, error.InnerException),
    };

    private static ProviderException Refused(string action, HttpStatusCode status, ApiException? body)
    {
        var code = body?.Code > 0 ? body.Code : (int?)null;
        var detail = body is null ? "." : code is null ? $": {body.Message}" : $": {body.Message} (Twilio error {code})";
        return new ProviderException($"Twilio answered {(int)status} {status} to {action}{detail}", status, IsTransient(status))
        {
            ErrorCode = code,
            MoreInfo = string.IsNullOrEmpty(body?.MoreInfo) ? null : body.MoreInfo,
        };
    }

    private static bool IsTransient(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;
}
