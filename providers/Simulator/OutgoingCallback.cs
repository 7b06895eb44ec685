namespace Telephony.Providers.Simulator;

/// <summary>A callback ready to send: the public URL it was addressed to, its body and the headers that authenticate it.</summary>
/// <param name="EventName">The provider's name of the callback, for logs.</param>
/// <param name="Url">The public URL; Twilio's signature is computed over it.</param>
/// <param name="ContentType">The body's media type.</param>
/// <param name="Body">The body as sent.</param>
/// <param name="Headers">Signature or Authorization headers.</param>
/// <param name="CallId">The leg it is about.</param>
/// <param name="ConferenceId">The conference it is about.</param>
internal sealed record OutgoingCallback(
    string EventName,
    Uri Url,
    string ContentType,
    string Body,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? CallId,
    string? ConferenceId);

/// <summary>What our webhook answered: the body on 2xx, else why not.</summary>
/// <param name="Body">The response body when delivered.</param>
/// <param name="Error">Why delivery failed; null on success.</param>
internal sealed record CallbackReply(string? Body, string? Error)
{
    /// <summary>True when our webhook answered 2xx.</summary>
    public bool Succeeded => Error is null;
}
