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

    /// <summary>The provider's own error code (Twilio's <c>code</c>, such as 21211), when its answer had one.</summary>
    [Id(2)]
    public int? ErrorCode { get; init; }

    /// <summary>Where the provider documents the error (Twilio's <c>more_info</c>), when its answer named a page.</summary>
    [Id(3)]
    public string? MoreInfo { get; init; }
}
