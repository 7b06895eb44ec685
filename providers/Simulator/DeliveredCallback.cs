namespace Telephony.Providers.Simulator;

/// <summary>One callback the simulator sent (or failed to send) to our webhooks or to an instruction URL a command named.</summary>
public sealed record DeliveredCallback
{
    /// <summary>Position in the simulator's delivery order, from 1.</summary>
    public required long Number { get; init; }

    /// <summary>The provider's name of the callback, for example <c>status:ringing</c> or <c>conferenceMemberJoin</c>.</summary>
    public required string EventName { get; init; }

    /// <summary>The leg it is about, if any.</summary>
    public string? CallId { get; init; }

    /// <summary>The conference it is about, if any.</summary>
    public string? ConferenceId { get; init; }

    /// <summary>The URL the provider was given (our public URL, or a command's instruction URL); Twilio signs this one.</summary>
    public required Uri Url { get; init; }

    /// <summary>Where it was actually sent: our own listening address, or the instruction URL itself when that is not ours; null when not sent.</summary>
    public Uri? DeliveredTo { get; init; }

    /// <summary>The request body as sent.</summary>
    public required string Body { get; init; }

    /// <summary>The HTTP status answered; null when the URL could not be reached.</summary>
    public int? StatusCode { get; init; }

    /// <summary>What went wrong; null when the URL answered 2xx.</summary>
    public string? Error { get; init; }

    /// <summary>When it was sent.</summary>
    public required DateTimeOffset SentAt { get; init; }
}
