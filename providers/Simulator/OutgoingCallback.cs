using Telephony.GrainInterfaces.Calls;

namespace Telephony.Providers.Simulator;

/// <summary>A callback ready to send: the URL the provider was given, its body and the headers that authenticate it.</summary>
/// <param name="EventName">The provider's name of the callback, for logs.</param>
/// <param name="Url">The URL as the provider was given it (our public URL, or a command's instruction URL); Twilio's signature is computed over it.</param>
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
    string? ConferenceId)
{
    /// <summary>
    /// True when it asks an instruction URL a command named (<see cref="DialCommand.Url"/>, <see cref="RedirectToUrlCommand.Url"/>):
    /// such a URL is fetched wherever it points, as the provider would; every other callback goes to our own service only.
    /// </summary>
    public bool IsCommandUrl { get; init; }
}

/// <summary>What the callback's URL answered: the body on 2xx, else why not.</summary>
/// <param name="Body">The response body when delivered.</param>
/// <param name="Error">Why delivery failed; null on success.</param>
internal sealed record CallbackReply(string? Body, string? Error)
{
    /// <summary>True when the URL answered 2xx.</summary>
    public bool Succeeded => Error is null;
}
