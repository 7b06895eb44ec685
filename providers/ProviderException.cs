using System.Net;

namespace Telephony.Providers;

/// <summary>A provider refused a command or could not be reached.</summary>
public sealed class ProviderException(string message, HttpStatusCode? statusCode, bool isTransient, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The provider's HTTP status, when it answered.</summary>
    public HttpStatusCode? StatusCode { get; } = statusCode;

    /// <summary>True for failures worth retrying (network errors, 429, 5xx).</summary>
    public bool IsTransient { get; } = isTransient;
}
