using System.Net;

namespace Telephony.Providers.Twilio;

/// <summary>
/// What one command's request needs on its way through the Twilio library to <see cref="TwilioApiHandler"/>: the library's
/// calls take no <see cref="CancellationToken"/>, and an error answer whose body it cannot read loses its HTTP status.
/// </summary>
internal sealed class TwilioRequestScope
{
    private static readonly AsyncLocal<TwilioRequestScope?> CurrentScope = new();

    private TwilioRequestScope(CancellationToken cancellationToken) => CancellationToken = cancellationToken;

    /// <summary>The scope of the command running on this flow, if any.</summary>
    public static TwilioRequestScope? Current => CurrentScope.Value;

    /// <summary>The command's cancellation, which the request honours.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The status Twilio answered, once it has.</summary>
    public HttpStatusCode? Status { get; set; }

    /// <summary>
    /// Opens a scope for the calling async method and what it awaits; it ends with that method, which gets back the
    /// value it started with, as every async method does.
    /// </summary>
    public static TwilioRequestScope Begin(CancellationToken cancellationToken) => CurrentScope.Value = new(cancellationToken);
}
