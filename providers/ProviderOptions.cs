namespace Telephony.Providers;

/// <summary>Provider-wide settings: where providers call us back, and how commands are retried.</summary>
public sealed class ProviderOptions
{
    /// <summary>The URL providers call back (<c>Telephony:PublicBaseUrl</c>); signatures are computed on it, not on what Kestrel sees.</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://localhost:5000");

    /// <summary>Retries of an idempotent command after a transient failure.</summary>
    public int RetryAttempts { get; set; } = 3;

    /// <summary>Delay before the first retry; later ones back off exponentially.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);
}
