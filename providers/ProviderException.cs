using System.Net;
using Orleans;

namespace Telephony.Providers;

/// <summary>A provider refused a command or could not be reached; it crosses grain calls, so Orleans serializes it.</summary>
[GenerateSerializer, Alias("telephony.ProviderException")]
public sealed class ProviderException : Exception
{
    /// <summary>Creates the exception with the provider's answer.</summary>
    public ProviderException(string message, HttpStatusCode? statusCode, bool isTransient, Exception? inner = null)
        : base(message, inner)
    {
        StatusCode = statusCode;
        IsTransient = isTransient;
    }

    /// <summary>The provider's HTTP status, when it answered.</summary>
    [Id(0)]
    public HttpStatusCode? StatusCode { get; private set; }

    /// <summary>True for failures worth retrying (network errors, 429, 5xx).</summary>
    [Id(1)]
    public bool IsTransient { get; private set; }
}
