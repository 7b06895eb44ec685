namespace Telephony.Api.Boundary;

/// <summary>
/// Abuse bounds (<c>Telephony:Limits</c>). The defaults leave a busy contact center far below every bound: a console
/// makes a few requests a minute per agent, a back office a few per call, and a provider's callbacks for a call are
/// handled in milliseconds each.
/// </summary>
public sealed class LimitOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Telephony:Limits";

    /// <summary>Requests an API key may make in a burst before it is throttled.</summary>
    public int ApiKeyBurst { get; set; } = 1_000;

    /// <summary>Requests per second an API key gets back, up to <see cref="ApiKeyBurst"/>: its sustained rate.</summary>
    public int ApiKeyRequestsPerSecond { get; set; } = 50;

    /// <summary>Callbacks of one provider account handled at once.</summary>
    public int WebhookConcurrencyPerAccount { get; set; } = 256;

    /// <summary>Callbacks of one provider account that wait for a turn before more are refused.</summary>
    public int WebhookQueuePerAccount { get; set; } = 512;

    /// <summary>Body and header limits of the session and task-routing API.</summary>
    public RequestSizeLimit Api { get; set; } = new() { MaxBodyBytes = 256 * 1024, MaxHeaderBytes = 16 * 1024 };

    /// <summary>Body and header limits of the provider webhooks (a callback is a few kilobytes).</summary>
    public RequestSizeLimit Webhooks { get; set; } = new() { MaxBodyBytes = 64 * 1024, MaxHeaderBytes = 16 * 1024 };

    /// <summary>Body and header limits of the Simulator's routes and everything else.</summary>
    public RequestSizeLimit Other { get; set; } = new() { MaxBodyBytes = 16 * 1024, MaxHeaderBytes = 16 * 1024 };

    /// <summary>The limits of the route family <paramref name="path"/> belongs to.</summary>
    public RequestSizeLimit For(PathString path) =>
        path.StartsWithSegments("/webhooks") ? Webhooks
        : path.StartsWithSegments("/sessions") || path.StartsWithSegments("/workspaces") ? Api
        : Other;
}

/// <summary>The largest body and the largest total of header names and values a route family reads.</summary>
public sealed class RequestSizeLimit
{
    /// <summary>Largest request body, in bytes.</summary>
    public long MaxBodyBytes { get; set; }

    /// <summary>Largest total length of the request's header names and values, in bytes.</summary>
    public int MaxHeaderBytes { get; set; }
}
